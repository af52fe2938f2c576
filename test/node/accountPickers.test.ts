// The "From List" searches of the inbox, agent, team, label, canned response and custom attribute pickers, and
// the agents dropdown of the member operations, run against the simulator with a minimal load-options context.
import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { inboxLabel, listSearch } from '../../nodes/shared/methods/listSearch';
import { loadOptions } from '../../nodes/shared/methods/loadOptions';
import { hueChatNode } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';

let fx: SimulatorFixture;

beforeAll(async () => {
	fx = await startFixture({ contacts: 5 });
});
afterAll(async () => fx.sim.close());
beforeEach(async () => fx.clearRequests());

/** What n8n hands a listSearch / loadOptions method: credentials, the node, and an authenticated request helper. */
function editorContext(): ILoadOptionsFunctions {
	const credentials = fx.credentials;
	return {
		getCredentials: async () => ({ ...credentials }),
		getNode: () => hueChatNode(),
		getNodeParameter: (_name: string, fallback: unknown) => fallback,
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const url = new URL(String(options.url), String(options.baseURL));
				for (const [name, value] of Object.entries((options.qs ?? {}) as IDataObject))
					url.searchParams.set(name, String(value));
				const response = await fetch(url, {
					method: options.method,
					headers: { api_access_token: credentials.apiToken },
				});
				const text = await response.text();
				return {
					statusCode: response.status,
					headers: Object.fromEntries(response.headers),
					body: text ? JSON.parse(text) : undefined,
				};
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

const search = async (method: keyof typeof listSearch, filter?: string) =>
	await listSearch[method].call(editorContext(), filter);

describe('pickers', () => {
	it('inboxes: every inbox, with its dashboard settings URL', async () => {
		const { results, paginationToken } = await search('searchInboxes');
		// the seeded inboxes are named after their channels: the channel is not said twice
		expect(results.map((r) => r.name)).toEqual(['API', 'Website', 'WhatsApp']);
		expect(results[2]).toMatchObject({
			value: '3',
			url: `${fx.sim.url}/app/accounts/1/settings/inboxes/3`,
		});
		expect(paginationToken).toBeUndefined();
	});

	it('inboxes: one readable channel name beside the inbox name', () => {
		expect(inboxLabel({ name: 'Site Chat', channel_type: 'Channel::WebWidget' })).toBe(
			'Site Chat (Website)',
		);
		expect(inboxLabel({ name: 'Orders', channel_type: 'Channel::Whatsapp' })).toBe(
			'Orders (WhatsApp)',
		);
		expect(inboxLabel({ name: 'Backend', channel_type: 'Channel::Api' })).toBe('Backend (API)');
		expect(inboxLabel({ name: 'whatsapp', channel_type: 'Channel::Whatsapp' })).toBe('whatsapp');
		expect(inboxLabel({ name: 'Shop', channel_type: 'Channel::Tiktok' })).toBe('Shop (Tiktok)');
	});

	it('agents, filtered by name or email', async () => {
		const { results } = await search('searchAgents', 'MINA');
		expect(results).toEqual([
			{ name: 'Mina Agent · mina@huechat-demo.test (agent)', value: '3', url: undefined },
		]);
		const [request] = await fx.requests();
		expect([request.method, request.path]).toEqual(['GET', '/api/v1/accounts/1/agents']);
	});

	it('teams, with their dashboard URL', async () => {
		const { results } = await search('searchTeams');
		expect(results.map((r) => [r.name, r.value, r.url])).toEqual([
			['sales', '1', `${fx.sim.url}/app/accounts/1/settings/teams/1`],
			['support', '2', `${fx.sim.url}/app/accounts/1/settings/teams/2`],
		]);
	});

	it('labels from the payload, filtered', async () => {
		const all = await search('searchLabels');
		expect(all.results).toHaveLength(10);
		expect((await search('searchLabels', 'churn')).results).toEqual([
			{ name: 'churn-risk · Customers who may leave', value: '3', url: undefined },
		]);
	});

	it('canned responses: HueChat searches short code and whole content (?search=)', async () => {
		expect((await search('searchCannedResponses', 'refund')).results.map((r) => r.value)).toEqual([
			'2',
		]);
		const { results } = await search('searchCannedResponses', 'tracking link');
		expect(results.map((r) => r.name)).toEqual([
			'/shipping · We ship within 5 business days; you will get a tracking l…',
		]);
		expect((await fx.requests()).map((r) => r.query.search)).toEqual(['refund', 'tracking link']);
	});

	it('custom attributes, labelled with key and model', async () => {
		const { results } = await search('searchCustomAttributes', 'order');
		expect(results).toEqual([
			{ name: 'Order Number (order_number, conversation)', value: '3', url: undefined },
		]);
	});

	it('the agents dropdown of member operations: every agent by name, the user ID as value', async () => {
		const options = await loadOptions.getAgents.call(editorContext());
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Dana Admin (admin@huechat-demo.test)', 1],
			['Mina Agent (mina@huechat-demo.test)', 3],
			['Ravi Agent (ravi@huechat-demo.test)', 2],
			['Theo Agent (theo@huechat-demo.test)', 4],
		]);
		expect(options[0].description).toBe('administrator, online');
	});
});
