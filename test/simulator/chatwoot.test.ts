// v1 as Chatwoot answers it, over a real port: the leniencies of a Rails app (the token header's spellings,
// ActiveRecord's casting of integer fields, blank avatar URLs, Kaminari's page numbers) in every convention, and the
// `chatwoot` convention's status codes and bodies for creates and deletes. Sources in chatwoot/chatwoot:
// access_token_auth_helper.rb, conversation_builder.rb, contacts_controller.rb, conversations_controller.rb and the
// other controllers each operation's `x-chatwoot` names; Kaminari's `page`.
import {
	castLikeActiveRecord,
	integerCastPlan,
	kaminariPage,
	rubyToI,
} from '../../simulator/chatwoot.ts';
import { loadApiDocument } from '../../simulator/openapi.ts';
import { api, DEMO_TOKEN, simulatorPerSuite, V1 } from './helpers.ts';

const sim = simulatorPerSuite({ contacts: 40 });

describe('the token header, as a Rails app reads it', () => {
	test('Api-Access-Token (what Chatwoot clients generated from its swagger send) is accepted like api_access_token', async () => {
		for (const name of [
			'Api-Access-Token',
			'api-access-token',
			'API_ACCESS_TOKEN',
			'api_access_token',
		]) {
			const res = await api(sim(), 'GET', '/api/v1/profile', {
				token: null,
				headers: { [name]: DEMO_TOKEN },
			});
			expect({ name, status: res.status }).toEqual({ name, status: 200 });
		}
		const created = await api(sim(), 'POST', `${V1}/contacts`, {
			token: null,
			headers: { 'Api-Access-Token': DEMO_TOKEN },
			body: { name: 'Hyphen' },
		});
		expect(created.status).toBe(201);
		expect(sim().control.requests().at(-1)?.headers['api-access-token']).toBe(DEMO_TOKEN);
	});

	test('a wrong token in either spelling is 401, and the hyphenated spelling wins when both arrive (as Puma keeps it)', async () => {
		expect(
			(
				await api(sim(), 'GET', '/api/v1/profile', {
					token: null,
					headers: { 'Api-Access-Token': 'hc_test_nope' },
				})
			).status,
		).toBe(401);
		const both = await api(sim(), 'GET', '/api/v1/profile', {
			token: 'hc_test_nope',
			headers: { 'Api-Access-Token': DEMO_TOKEN },
		});
		expect(both.status).toBe(200);
		const reversed = await api(sim(), 'GET', '/api/v1/profile', {
			token: DEMO_TOKEN,
			headers: { 'Api-Access-Token': 'hc_test_nope' },
		});
		expect(reversed.status).toBe(401);
	});

	test("HTTP_API_ACCESS_TOKEN is Rack's name for the header, not a header name: sent as one it authenticates nothing", async () => {
		const res = await api(sim(), 'GET', '/api/v1/profile', {
			token: null,
			headers: { HTTP_API_ACCESS_TOKEN: DEMO_TOKEN },
		});
		expect(res.status).toBe(401);
	});

	test('the rate limit counts a key by either spelling', async () => {
		const key = sim().control.createKey({ rpm: 2 });
		expect(
			(
				await api(sim(), 'GET', '/api/v1/profile', {
					token: null,
					headers: { 'Api-Access-Token': key.token },
				})
			).status,
		).toBe(200);
		expect((await api(sim(), 'GET', '/api/v1/profile', { token: key.token })).status).toBe(200);
		const third = await api(sim(), 'GET', '/api/v1/profile', {
			token: null,
			headers: { 'Api-Access-Token': key.token },
		});
		expect(third.status).toBe(429);
	});
});

describe('blank avatar_url (Chatwoot fetches an avatar only when the value is present)', () => {
	test('create and update take "" as no avatar', async () => {
		const created = await api(sim(), 'POST', `${V1}/contacts`, {
			body: { name: 'No Face', email: 'noface@example.com', avatar_url: '' },
		});
		expect(created.status).toBe(201);
		expect(created.body.payload.contact.thumbnail).toBe('');
		const id = created.body.payload.contact.id;
		expect(
			(
				await api(sim(), 'PUT', `${V1}/contacts/${id}`, {
					body: { avatar_url: 'https://example.com/a.png' },
				})
			).body.payload.thumbnail,
		).toBe('https://example.com/a.png');
		const cleared = await api(sim(), 'PUT', `${V1}/contacts/${id}`, { body: { avatar_url: '' } });
		expect(cleared.status).toBe(200);
		expect(cleared.body.payload.thumbnail).toBe('');
	});

	test('a value that is not a URL stays a 422 (x-chatwoot-deviations: HueChat declares a URI)', async () => {
		const res = await api(sim(), 'POST', `${V1}/contacts`, {
			body: { name: 'Typo', avatar_url: 'not a url' },
		});
		expect(res.status).toBe(422);
		expect(res.body.details).toEqual({ avatar_url: ['must be a valid uri'] });
	});

	test('a web widget still needs a website_url: blank is "can\'t be blank", as Chatwoot\'s presence validation says', async () => {
		const res = await api(sim(), 'POST', `${V1}/inboxes`, {
			body: { name: 'Site', channel: { type: 'web_widget', website_url: '' } },
		});
		expect(res.status).toBe(422);
		expect(res.body.details).toEqual({ 'channel.website_url': ["can't be blank"] });
	});
});

describe('integer fields cast as ActiveRecord casts them', () => {
	test('conversation create with ids as strings: "1" is 1, "" is null', async () => {
		const res = await api(sim(), 'POST', `${V1}/conversations`, {
			body: { inbox_id: '1', contact_id: '1', team_id: '', assignee_id: '3' },
		});
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			inbox_id: 1,
			meta: { sender: { id: 1 }, assignee: { id: 3 } },
		});
		const stored = (id: number) =>
			[...sim().store.conversations.values()].find(
				(conversation) => conversation.display_id === id,
			);
		expect(stored(res.body.id)).toMatchObject({
			inbox_id: 1,
			contact_id: 1,
			team_id: null,
			assignee_id: 3,
		});
		const teamed = await api(sim(), 'POST', `${V1}/conversations`, {
			body: { inbox_id: ' 1 ', contact_id: 2, team_id: '2', assignee_id: '' },
		});
		expect(teamed.status).toBe(201);
		expect(stored(teamed.body.id)).toMatchObject({ team_id: 2, assignee_id: null });
	});

	test('a blank where null is not allowed is as if not sent; text that is no number stays a 422 naming the field', async () => {
		const blank = await api(sim(), 'POST', `${V1}/conversations`, {
			body: { inbox_id: '', contact_id: '1' },
		});
		expect(blank.status).toBe(422);
		expect(blank.body.details).toEqual({ inbox_id: ['is required'] });
		const text = await api(sim(), 'POST', `${V1}/conversations`, {
			body: { inbox_id: 'abc', contact_id: '1.5' },
		});
		expect(text.status).toBe(422);
		expect(text.body.details).toEqual({
			inbox_id: ['must be an integer'],
			contact_id: ['must be an integer'],
		});
	});

	test('everywhere in v1: nested objects, arrays of ids, actions', async () => {
		const members = await api(sim(), 'POST', `${V1}/teams/1/team_members`, {
			body: { user_ids: ['3', 4] },
		});
		expect(members.status).toBe(200);
		expect(members.body.map((agent: { id: number }) => agent.id)).toEqual(
			expect.arrayContaining([3, 4]),
		);
		const inbox = await api(sim(), 'POST', `${V1}/inbox_members`, {
			body: { inbox_id: '3', user_ids: ['1'] },
		});
		expect(inbox.status).toBe(200);
		const assigned = await api(sim(), 'POST', `${V1}/conversations/1/assignments`, {
			body: { assignee_id: '2' },
		});
		expect(assigned.status).toBe(200);
		expect(assigned.body.id).toBe(2);
		const contact = await api(sim(), 'POST', `${V1}/contacts`, {
			body: { name: 'Inboxed', email: 'inboxed@example.com', inbox_id: '1' },
		});
		expect(contact.status).toBe(201);
		expect(contact.body.payload.contact_inbox.inbox.id).toBe(1);
		const merged = await api(sim(), 'POST', `${V1}/actions/contact_merge`, {
			body: { base_contact_id: '1', mergee_contact_id: String(contact.body.payload.contact.id) },
		});
		expect(merged.status).toBe(200);
		expect(merged.body.id).toBe(1);
	});

	test('the cast plan comes from the document: v1 bodies only, v2 keeps its strict types', async () => {
		const plan = loadApiDocument().byId.get('conversation.create');
		expect(
			plan?.castBody({
				inbox_id: '7',
				team_id: ' ',
				message: { content: 'x', campaign_id: '2' },
				custom_attributes: { n: '1' },
			}),
		).toEqual({
			inbox_id: 7,
			team_id: null,
			message: { content: 'x', campaign_id: 2 },
			custom_attributes: { n: '1' },
		});
		const v2 = await api(sim(), 'GET', '/api/v2/accounts/1/pipelines', { conform: false });
		const pipeline = v2.body.data[0];
		const deal = await api(sim(), 'POST', '/api/v2/accounts/1/deals', {
			body: {
				title: 'T',
				pipeline_id: pipeline.id,
				stage_id: pipeline.stages[0].id,
				contact_id: '1',
			},
		});
		expect(deal.status).toBe(422);
		expect(deal.body.details).toEqual({
			contact_id: [expect.stringMatching(/^must be an integer/)],
		});
	});
});

describe('page numbers, as Kaminari reads them', () => {
	test('contacts: page 0, a negative page and text are page 1; "2abc" is page 2', async () => {
		const first = await api(sim(), 'GET', `${V1}/contacts?page=1`);
		const second = await api(sim(), 'GET', `${V1}/contacts?page=2`);
		for (const page of ['0', '-3', 'abc', '']) {
			const res = await api(sim(), 'GET', `${V1}/contacts?page=${page}`);
			expect({
				page,
				status: res.status,
				ids: res.body.payload.map((c: { id: number }) => c.id),
			}).toEqual({ page, status: 200, ids: first.body.payload.map((c: { id: number }) => c.id) });
			expect(res.body.meta.current_page).toBe(1);
		}
		expect((await api(sim(), 'GET', `${V1}/contacts?page=2abc`)).body).toEqual(second.body);
	});

	test('conversations, their filter and search, contact search and filter: page 0 is page 1', async () => {
		const filter = {
			payload: [
				{
					attribute_key: 'status',
					filter_operator: 'equal_to',
					values: ['open'],
					query_operator: null,
				},
			],
		};
		for (const [method, path, body] of [
			['GET', `${V1}/conversations`, undefined],
			['POST', `${V1}/conversations/filter`, filter],
			['GET', `${V1}/conversations/search?q=order`, undefined],
			['GET', `${V1}/contacts/search?q=a`, undefined],
			[
				'POST',
				`${V1}/contacts/filter`,
				{
					payload: [
						{
							attribute_key: 'name',
							filter_operator: 'contains',
							values: ['a'],
							query_operator: null,
						},
					],
				},
			],
		] as const) {
			const join = path.includes('?') ? '&' : '?';
			const one = await api(sim(), method, `${path}${join}page=1`, { body });
			const zero = await api(sim(), method, `${path}${join}page=0`, { body });
			expect({ path, status: zero.status, body: zero.body }).toEqual({
				path,
				status: 200,
				body: one.body,
			});
		}
	});

	test("Ruby's to_i and Kaminari's floor of 1", () => {
		expect(
			['12', ' 7', '+3', '-2', '1_000', '2abc', 'abc', '', '1e3', '0x1A'].map(rubyToI),
		).toEqual([12, 7, 3, -2, 1000, 2, 0, 0, 1, 0]);
		expect(['0', '-5', 'x', '3'].map(kaminariPage)).toEqual([1, 1, 1, 3]);
	});
});

describe("Chatwoot's other accepted forms", () => {
	test('conversation create takes snoozed_until as an ISO 8601 date-time (conversation_create_payload) or unix seconds', async () => {
		const iso = await api(sim(), 'POST', `${V1}/conversations`, {
			body: {
				inbox_id: 1,
				contact_id: 1,
				status: 'snoozed',
				snoozed_until: '2030-01-02T03:04:05Z',
			},
		});
		expect(iso.status).toBe(201);
		const stored = [...sim().store.conversations.values()].find(
			(conversation) => conversation.display_id === iso.body.id,
		);
		expect(stored?.snoozed_until).toBe(Date.UTC(2030, 0, 2, 3, 4, 5) / 1000);
		const unix = await api(sim(), 'POST', `${V1}/conversations`, {
			body: { inbox_id: 1, contact_id: 2, status: 'snoozed', snoozed_until: 1893553445 },
		});
		expect(unix.status).toBe(201);
		expect(
			(
				await api(sim(), 'POST', `${V1}/conversations`, {
					body: { inbox_id: 1, contact_id: 2, snoozed_until: 'tomorrow' },
				})
			).body.details,
		).toEqual({ snoozed_until: ['must be a valid date-time'] });
	});

	test('conversation list and meta take any integer inbox_id and team_id (swagger: integer, no minimum; conversation_finder.rb)', async () => {
		// Chatwoot filters by `inboxes.where(id: params[:inbox_id])` (an unknown id, 0 too, lists none) and finds the
		// team with `teams.find(params[:team_id])` (an unknown one, 0 too, is RecordNotFound: 404)
		for (const path of ['/conversations', '/conversations/meta']) {
			const noInbox = await api(sim(), 'GET', `${V1}${path}?inbox_id=0`);
			expect({ path, status: noInbox.status }).toEqual({ path, status: 200 });
			const meta = path === '/conversations' ? noInbox.body.data.meta : noInbox.body.meta;
			expect(meta.all_count).toBe(0);
			const noTeam = await api(sim(), 'GET', `${V1}${path}?team_id=0`);
			expect({ path, status: noTeam.status, error: noTeam.body.error }).toEqual({
				path,
				status: 404,
				error: 'Team 0 not found',
			});
		}
	});

	test('a list attribute without values is created (custom_attribute_definition.rb validates no attribute_values)', async () => {
		const created = await api(sim(), 'POST', `${V1}/custom_attribute_definitions`, {
			body: {
				attribute_display_name: 'Plan',
				attribute_key: 'plan_without_values',
				attribute_display_type: 'list',
				attribute_model: 'contact_attribute',
			},
		});
		expect(created.status).toBe(201);
		expect(created.body.attribute_values).toEqual([]);
	});

	test('toggle_priority with no body or an empty one clears the priority (priority is optional in the swagger)', async () => {
		await api(sim(), 'POST', `${V1}/conversations/6/toggle_priority`, {
			body: { priority: 'high' },
		});
		expect((await api(sim(), 'POST', `${V1}/conversations/6/toggle_priority`)).status).toBe(204);
		expect((await api(sim(), 'GET', `${V1}/conversations/6`)).body.priority).toBeNull();
		await api(sim(), 'POST', `${V1}/conversations/6/toggle_priority`, {
			body: { priority: 'low' },
		});
		expect(
			(await api(sim(), 'POST', `${V1}/conversations/6/toggle_priority`, { body: {} })).status,
		).toBe(204);
		expect((await api(sim(), 'GET', `${V1}/conversations/6`)).body.priority).toBeNull();
	});
});

describe('the chatwoot convention', () => {
	const chatwoot = { convention: 'chatwoot' } as const;

	test('is off by default; PUT /__sim/convention switches it, reset puts back the starting one, a bad value is 400', async () => {
		const control = async (method: string, body?: unknown) => {
			const res = await fetch(`${sim().url}/__sim/convention`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: res.status, body: await res.json() };
		};
		expect(await control('GET')).toEqual({ status: 200, body: { convention: 'huechat' } });
		expect((await api(sim(), 'POST', `${V1}/labels`, { body: { title: 'before' } })).status).toBe(
			201,
		);
		expect(await control('PUT', { convention: 'chatwoot' })).toEqual({
			status: 200,
			body: { convention: 'chatwoot' },
		});
		expect(
			(await api(sim(), 'POST', `${V1}/labels`, { body: { title: 'after' }, ...chatwoot })).status,
		).toBe(200);
		expect((await control('PUT', { convention: 'rails' })).status).toBe(400);
		expect(sim().control.convention()).toBe('chatwoot');
		sim().control.reset();
		expect(sim().control.convention()).toBe('huechat');
	});

	describe('started with convention chatwoot', () => {
		const cw = simulatorPerSuite({ contacts: 20, convention: 'chatwoot' });

		test("v1 creates answer 200 with the record; a contact without inbox has Chatwoot's empty contact_inbox", async () => {
			const contact = await api(cw(), 'POST', `${V1}/contacts`, {
				body: { name: 'Ada', email: 'ada@example.com' },
				...chatwoot,
			});
			expect(contact.status).toBe(200);
			expect(contact.body.payload.contact_inbox).toEqual({ inbox: null, source_id: null });
			const inboxed = await api(cw(), 'POST', `${V1}/contacts`, {
				body: { name: 'Bo', email: 'bo@example.com', inbox_id: 1 },
				...chatwoot,
			});
			expect(inboxed.body.payload.contact_inbox).toMatchObject({
				inbox: { id: 1 },
				source_id: expect.any(String),
			});
			const conversation = await api(cw(), 'POST', `${V1}/conversations`, {
				body: { inbox_id: '1', contact_id: String(inboxed.body.payload.contact.id) },
				...chatwoot,
			});
			expect(conversation.status).toBe(200);
			const id = conversation.body.id;
			const creates: [string, unknown][] = [
				[`${V1}/conversations/${id}/messages`, { content: 'Hello' }],
				[`${V1}/inboxes`, { name: 'Api 2', channel: { type: 'api' } }],
				[`${V1}/agents`, { email: 'zoe@example.com', name: 'Zoe' }],
				[`${V1}/teams`, { name: 'billing' }],
				[`${V1}/labels`, { title: 'cw' }],
				[`${V1}/canned_responses`, { short_code: 'hi', content: 'Hello!' }],
				[
					`${V1}/custom_attribute_definitions`,
					{
						attribute_display_name: 'Tier',
						attribute_key: 'tier',
						attribute_display_type: 'text',
						attribute_model: 'contact_attribute',
					},
				],
				[`${V1}/webhooks`, { url: 'https://example.com/cw', subscriptions: ['message_created'] }],
			];
			for (const [path, body] of creates) {
				const res = await api(cw(), 'POST', path, { body, ...chatwoot });
				expect({ path, status: res.status }).toEqual({ path, status: 200 });
			}
		});

		test('v1 deletes and the two toggles answer 200 with no body (head :ok); custom attribute deletes 204 (head :no_content)', async () => {
			const label = await api(cw(), 'POST', `${V1}/labels`, {
				body: { title: 'gone' },
				...chatwoot,
			});
			const attribute = await api(cw(), 'POST', `${V1}/custom_attribute_definitions`, {
				body: {
					attribute_display_name: 'X',
					attribute_key: 'x_key',
					attribute_display_type: 'text',
				},
				...chatwoot,
			});
			const answers: [string, string, unknown, number][] = [
				['POST', `${V1}/conversations/6/toggle_priority`, { priority: 'urgent' }, 200],
				['POST', `${V1}/conversations/6/toggle_typing_status`, { typing_status: 'on' }, 200],
				['DELETE', `${V1}/conversations/6`, undefined, 200],
				['DELETE', `${V1}/contacts/5`, undefined, 200],
				['DELETE', `${V1}/labels/${label.body.id}`, undefined, 200],
				['DELETE', `${V1}/teams/2`, undefined, 200],
				['DELETE', `${V1}/custom_attribute_definitions/${attribute.body.id}`, undefined, 204],
			];
			for (const [method, path, body, status] of answers) {
				const res = await api(cw(), method, path, { body, ...chatwoot });
				expect({
					path,
					status: res.status,
					body: res.body,
					length: res.headers.get('content-length'),
				}).toEqual({ path, status, body: undefined, length: status === 204 ? null : '0' });
			}
			expect(cw().store.conversations.size).toBeGreaterThan(0);
			expect(
				[...cw().store.conversations.values()].some(
					(conversation) => conversation.display_id === 6,
				),
			).toBe(false);
		});

		test("an idempotent replay answers as the first answer did, in Chatwoot's code; errors and v2 keep HueChat's", async () => {
			const headers = { 'Idempotency-Key': 'cw-1' };
			const first = await api(cw(), 'POST', `${V1}/contacts`, {
				body: { name: 'Once', email: 'once@example.com' },
				headers,
				...chatwoot,
			});
			const again = await api(cw(), 'POST', `${V1}/contacts`, {
				body: { name: 'Once', email: 'once@example.com' },
				headers,
				...chatwoot,
			});
			expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([
				200,
				200,
				'true',
			]);
			expect(again.body).toEqual(first.body);
			const duplicate = await api(cw(), 'POST', `${V1}/contacts`, {
				body: { name: 'Twice', email: 'once@example.com' },
				...chatwoot,
			});
			expect(duplicate.status).toBe(422);
			expect((await api(cw(), 'DELETE', `${V1}/contacts/99999`, chatwoot)).status).toBe(404);
			const list = await api(cw(), 'POST', '/api/v2/accounts/1/contact_lists', {
				body: { name: 'VIPs' },
				...chatwoot,
			});
			expect(list.status).toBe(201);
			expect(
				(await api(cw(), 'DELETE', `/api/v2/accounts/1/contact_lists/${list.body.id}`, chatwoot))
					.status,
			).toBe(204);
		});
	});
});

describe('the document', () => {
	const document = loadApiDocument();

	test("every v1 operation answering 201 or 204 gives Chatwoot's answer in x-chatwoot, with its source", () => {
		for (const operation of document.operations.filter((item) => item.api === 'v1')) {
			const raw =
				document.doc.paths[operation.pathTemplate][operation.method.toLowerCase() as 'post'];
			const success = Object.keys(raw?.responses ?? {}).filter((code) => code.startsWith('2'));
			const differs = success.includes('201') || success.includes('204');
			expect({ id: operation.operationId, chatwoot: operation.chatwoot !== undefined }).toEqual({
				id: operation.operationId,
				chatwoot: differs,
			});
			if (differs)
				expect((raw as Record<string, unknown>)['x-chatwoot']).toMatchObject({
					source: expect.stringMatching(/^chatwoot\/chatwoot app\/controllers\//),
				});
		}
		expect(document.operations.filter((item) => item.api === 'v2' && item.chatwoot)).toEqual([]);
	});

	test('lists the deviations from Chatwoot that stay, each with what both do and why', () => {
		const deviations = (document.doc as unknown as Record<string, unknown>)[
			'x-chatwoot-deviations'
		] as Record<string, string>[];
		expect(deviations.length).toBeGreaterThanOrEqual(8);
		for (const deviation of deviations) {
			expect(Object.keys(deviation).sort()).toEqual(['chatwoot', 'huechat', 'reason', 'topic']);
			for (const text of Object.values(deviation)) expect(text.length).toBeGreaterThan(5);
		}
		expect(deviations.map((deviation) => deviation.topic)).toEqual(
			expect.arrayContaining(['status codes of creates and deletes', 'error bodies']),
		);
	});

	test('castLikeActiveRecord leaves bodies without a plan, and non-string values, alone', () => {
		const plan = integerCastPlan(
			{
				type: 'object',
				properties: {
					id: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
					ids: { type: 'array', items: { type: 'integer' } },
				},
			},
			() => undefined,
		);
		expect(castLikeActiveRecord({ id: '', ids: ['1', '', 2, true] }, plan)).toEqual({
			id: null,
			ids: [1, '', 2, true],
		});
		expect(castLikeActiveRecord({ id: '5' }, null)).toEqual({ id: '5' });
		expect(castLikeActiveRecord('1', plan)).toBe('1');
	});
});
