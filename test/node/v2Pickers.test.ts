// The "From List" searches of the v2 locators (template, contact list, broadcast, ticket, pipeline, deal, AI agent)
// and the v2 dropdowns, above all the stage picker that lists the stages of the pipeline chosen above it.
import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { listSearch } from '../../nodes/shared/methods/listSearch';
import { loadOptions } from '../../nodes/shared/methods/loadOptions';
import { resourceMapping } from '../../nodes/shared/templates/variables';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';

let fx: SimulatorFixture;

beforeAll(async () => {
	fx = await startFixture({ contacts: 30 });
});
afterAll(async () => fx.sim.close());
beforeEach(async () => fx.clearRequests());

/** What n8n hands a listSearch / loadOptions method, with the editor's current parameter values. */
function editorContext(current: IDataObject = {}): ILoadOptionsFunctions {
	const credentials = fx.credentials;
	const dig = (path: string) =>
		path
			.split('.')
			.reduce<unknown>(
				(value, key) =>
					value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
				current,
			);
	return {
		getCredentials: async () => ({ ...credentials }),
		getNode: () => ({
			id: 'n1',
			name: 'HueChat',
			type: 'n8n-nodes-huechat.hueChat',
			typeVersion: 1,
			position: [0, 0],
			parameters: current,
		}),
		getNodeParameter: (_name: string, fallback: unknown) => fallback,
		getCurrentNodeParameter: (path: string, options?: { extractValue?: boolean }) => {
			const value = dig(path);
			return options?.extractValue && value && typeof value === 'object' && '__rl' in value
				? (value as IDataObject).value
				: value;
		},
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

const store = () => fx.sim.store;
const search = async (method: keyof typeof listSearch, filter?: string) =>
	await listSearch[method].call(editorContext(), filter);

describe('v2 pickers', () => {
	it('every v2 locator of the node has a search method that exists', () => {
		const methods = new Set(Object.keys(listSearch));
		const locators = new HueChat().description.properties.filter(
			(property) => property.type === 'resourceLocator',
		);
		const v2Names = [
			'templateId',
			'contactListId',
			'broadcastId',
			'ticketId',
			'pipelineId',
			'dealId',
			'aiAgentId',
		];
		for (const name of v2Names) {
			const found = locators.filter((property) => property.name === name);
			expect(found.length).toBeGreaterThan(0);
			for (const property of found) {
				const list = property.modes?.find((mode) => mode.name === 'list');
				expect(methods.has(String(list?.typeOptions?.searchListMethod))).toBe(true);
			}
		}
	});

	it('templates (all, and only approved ones for broadcasts), v2 paging with per_page', async () => {
		const all = await search('searchTemplates');
		expect(all.results).toHaveLength(store().v2OfAccount('templates', 1).length);
		expect(all.results[0]).toEqual({
			name: 'order_update (en_US, approved)',
			value: store().v2OfAccount('templates', 1)[0].id,
			url: undefined,
		});
		const approved = await search('searchApprovedTemplates', 'sale');
		expect(approved.results.map((result) => result.name)).toEqual([
			'spring_sale (en_US, marketing)',
		]);
		const requests = await fx.requests();
		expect(requests[0].query).toEqual({ page: '1', per_page: '100' });
		expect(requests[1].query).toEqual({ status: 'approved', page: '1', per_page: '100' });
		expect(all.paginationToken).toBeUndefined();
	});

	it('contact lists, broadcasts, pipelines and AI agents, filtered by name', async () => {
		expect((await search('searchContactLists', 'vip')).results.map((r) => r.name)).toEqual([
			`VIP customers (${store().v2OfAccount('contact_lists', 1)[0].contact_ids.length} contacts)`,
		]);
		expect((await search('searchBroadcasts', 'spring')).results.map((r) => r.name)).toEqual([
			'Spring sale 2026 · completed',
		]);
		expect((await search('searchPipelines')).results.map((r) => r.name)).toEqual([
			'Sales',
			'Partnerships',
		]);
		expect((await search('searchAiAgents', 'aria')).results.map((r) => r.name)).toEqual([
			'Aria (active)',
		]);
	});

	it('tickets and deals are searched server-side (q)', async () => {
		const tickets = await search('searchTickets', 'refund');
		expect(tickets.results.length).toBeGreaterThan(0);
		for (const result of tickets.results) expect(result.name.toLowerCase()).toContain('refund');
		const deals = await search('searchDeals', 'pilot');
		for (const result of deals.results) expect(result.name.toLowerCase()).toContain('pilot');
		expect((await fx.requests()).map((r) => [r.path, r.query.q])).toEqual([
			['/api/v2/accounts/1/tickets', 'refund'],
			['/api/v2/accounts/1/deals', 'pilot'],
		]);
	});

	it('the stage picker lists the stages of the pipeline chosen above it, in order', async () => {
		const [sales, partnerships] = store().v2OfAccount('pipelines', 1);
		const forSales = await loadOptions.getPipelineStages.call(
			editorContext({ pipelineId: { __rl: true, mode: 'list', value: sales.id } }),
		);
		expect(forSales.map((option) => [option.name, option.value])).toEqual(
			sales.stages.map((stage) => [`${stage.position}. ${stage.name}`, stage.id]),
		);
		expect(forSales[0].description).toBe('10% probability · Sales');
		const forPartnerships = await loadOptions.getPipelineStages.call(
			editorContext({ pipelineId: { __rl: true, mode: 'id', value: partnerships.id } }),
		);
		expect(forPartnerships.map((option) => option.value)).toEqual(
			partnerships.stages.map((stage) => stage.id),
		);
		expect((await fx.requests()).map((r) => r.path)).toEqual([
			`/api/v2/accounts/1/pipelines/${sales.id}`,
			`/api/v2/accounts/1/pipelines/${partnerships.id}`,
		]);
	});

	it('on update, the stage picker follows Update Fields → Pipeline, else the pipeline of the deal', async () => {
		const [sales, partnerships] = store().v2OfAccount('pipelines', 1);
		const deal = store()
			.v2OfAccount('deals', 1)
			.find((item) => item.pipeline_id === partnerships.id)!;
		const chosen = await loadOptions.getPipelineStages.call(
			editorContext({
				dealId: { __rl: true, mode: 'id', value: deal.id },
				dealUpdateFields: { pipelineId: sales.id },
			}),
		);
		expect(chosen.map((option) => option.value)).toEqual(sales.stages.map((stage) => stage.id));
		const own = await loadOptions.getPipelineStages.call(
			editorContext({ dealId: { __rl: true, mode: 'id', value: deal.id }, dealUpdateFields: {} }),
		);
		expect(own.map((option) => option.value)).toEqual(partnerships.stages.map((stage) => stage.id));
	});

	it('with no pipeline chosen yet, the stage picker is an empty list with a hint, not an error', async () => {
		await expect(loadOptions.getPipelineStages.call(editorContext({}))).resolves.toEqual([]);
		await expect(
			loadOptions.getPipelineStages.call(
				editorContext({ dealId: { __rl: true, mode: 'id', value: '' }, dealUpdateFields: {} }),
			),
		).resolves.toEqual([]);
		expect(await fx.requests()).toEqual([]);
		const createPicker = new HueChat().description.properties.find(
			(property) =>
				property.name === 'stageId' &&
				(property.displayOptions?.show?.operation as string[] | undefined)?.includes('create'),
		);
		expect(createPicker?.hint).toMatch(/empty until one is chosen/);
	});

	it('the stage dropdowns reload when the pipeline changes (loadOptionsDependsOn)', () => {
		const stagePickers = new HueChat().description.properties
			.flatMap((property) => [property, ...((property.options ?? []) as (typeof property)[])])
			.filter((property) => property.name === 'stageId');
		expect(stagePickers.length).toBeGreaterThanOrEqual(3);
		for (const picker of stagePickers) {
			expect(picker.typeOptions?.loadOptionsMethod).toBe('getPipelineStages');
			expect(
				picker.typeOptions?.loadOptionsDependsOn?.some((name: string) =>
					name.includes('pipelineId'),
				),
			).toBe(true);
		}
	});

	it('pipelines, contact lists and approved templates dropdowns', async () => {
		expect(
			(await loadOptions.getPipelines.call(editorContext())).map((option) => [
				option.name,
				option.description,
			]),
		).toEqual([
			['Sales', '5 stages'],
			['Partnerships', '3 stages'],
		]);
		const lists = await loadOptions.getContactLists.call(editorContext());
		expect(lists.map((option) => option.value).sort()).toEqual(
			store()
				.v2OfAccount('contact_lists', 1)
				.map((list) => list.id)
				.sort(),
		);
		const templates = await loadOptions.getApprovedTemplates.call(editorContext());
		expect(templates.map((option) => option.name)).toEqual([
			'login_code (en_US)',
			'order_update (en_US)',
			'spring_sale (en_US)',
		]);
	});

	it('Template Variables: one required field per variable of the picked template, named after it; a broadcast gets the body ones', async () => {
		const templateId = (name: string) => ({
			templateId: {
				__rl: true,
				mode: 'list',
				value: store()
					.v2OfAccount('templates', 1)
					.find((t) => t.name === name)!.id,
			},
		});
		const fields = async (method: keyof typeof resourceMapping, current: IDataObject) =>
			await resourceMapping[method].call(editorContext(current));
		const order = await fields('getTemplateVariables', templateId('order_update'));
		expect(order.fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['body_1', 'Body {{1}}', true],
			['body_2', 'Body {{2}}', true],
			['button_1', 'Button “Track order” {{1}}', true],
		]);
		expect(
			(await fields('getTemplateVariables', templateId('spring_sale'))).fields.map((f) => f.id),
		).toEqual(['header_media_url', 'body_1', 'body_2']);
		expect(
			(await fields('getTemplateBodyVariables', templateId('order_update'))).fields.map(
				(f) => f.displayName,
			),
		).toEqual(['Body {{1}}', 'Body {{2}}']);
		expect(await fields('getTemplateVariables', {})).toEqual({
			fields: [],
			emptyFieldsNotice: 'Pick a template above: its variables appear here',
		});
	});

	it('every resource mapper of the node names a method that exists and reloads with the template', () => {
		const mappers = new HueChat().description.properties.filter(
			(property) => property.type === 'resourceMapper',
		);
		// Message Create, Send and Wait for Reply and Send to Contact share one (mergeSharedProperties)
		expect(mappers.map((mapper) => mapper.displayOptions?.show)).toEqual([
			{ resource: ['broadcast'], operation: ['create'] },
			{ resource: ['message'], operation: ['create', 'sendAndWaitForReply', 'sendToContact'] },
		]);
		for (const mapper of mappers) {
			expect(Object.keys(resourceMapping)).toContain(
				mapper.typeOptions?.resourceMapper?.resourceMapperMethod,
			);
			expect(mapper.typeOptions?.loadOptionsDependsOn).toEqual(['templateId.value']);
		}
		expect(Object.keys(new HueChat().methods.resourceMapping)).toEqual(
			Object.keys(resourceMapping),
		);
	});
});
