// The v2 resources of issue 4 (broadcasts, templates, contact lists, tickets, pipelines, deals, AI agents) as
// docs/contract.md §3 specifies them: page/per_page lists with meta, bare resources, PATCH of the fields sent, unknown
// body fields → 400, UUID ids, ISO 8601 on broadcasts and templates, and the state machines. Every answer is
// checked against the OpenAPI document (closed schemas) by the `api` helper.
import { BROADCAST_SEND_MS } from '../../simulator/resources/broadcast.ts';
import { TEMPLATE_REVIEW_MS } from '../../simulator/resources/template.ts';
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { api, sleep } from './helpers.ts';

const V2 = '/api/v2/accounts/1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, contacts: 150 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.control.reset());

const first = <T>(items: T[], predicate: (item: T) => boolean): T => {
	const found = items.find(predicate);
	if (!found) throw new Error('not found');
	return found;
};
const template = (name: string) =>
	first(sim.store.v2OfAccount('templates', 1), (t) => t.name === name);
const list = (name: string) =>
	first(sim.store.v2OfAccount('contact_lists', 1), (l) => l.name === name);
const pipeline = (name: string) =>
	first(sim.store.v2OfAccount('pipelines', 1), (p) => p.name === name);

describe('v2 lists', () => {
	test.each([
		'/broadcasts',
		'/templates',
		'/contact_lists',
		'/tickets',
		'/pipelines',
		'/deals',
		'/ai_agents',
	])(
		'%s answers {data, meta{page, per_page, total_count, total_pages}}, 25 a page by default, without repeats',
		async (path) => {
			const firstPage = await api(sim, 'GET', `${V2}${path}`);
			expect(firstPage.status).toBe(200);
			const total = firstPage.body.meta.total_count as number;
			expect(total).toBeGreaterThan(0);
			expect(firstPage.body.meta).toEqual({
				page: 1,
				per_page: 25,
				total_count: total,
				total_pages: Math.ceil(total / 25),
			});
			const seen: string[] = [];
			for (let page = 1; ; page++) {
				const res = await api(sim, 'GET', `${V2}${path}?page=${page}&per_page=2`);
				seen.push(...res.body.data.map((item: { id: string }) => item.id));
				if (page >= res.body.meta.total_pages) break;
			}
			expect(seen).toHaveLength(total);
			expect(new Set(seen).size).toBe(total);
			for (const id of seen) expect(id).toMatch(UUID);
		},
	);

	test('per_page must be 1 to 100 and page at least 1 (422)', async () => {
		for (const query of ['per_page=0', 'per_page=101', 'page=0']) {
			const res = await api(sim, 'GET', `${V2}/deals?${query}`);
			expect(res.status).toBe(422);
			expect(res.body.code).toBe('validation_failed');
		}
	});

	test('a page past the end is empty', async () => {
		const res = await api(sim, 'GET', `${V2}/pipelines?page=5`);
		expect(res.body).toEqual({
			data: [],
			meta: { page: 5, per_page: 25, total_count: 2, total_pages: 1 },
		});
	});
});

describe('v2 general rules', () => {
	test.each([
		[
			'/broadcasts',
			{
				name: 'x',
				inbox_id: 3,
				template_id: '00000000-0000-4000-8000-000000000000',
				audience: { labels: ['vip'] },
				colour: 'red',
			},
			'colour',
		],
		[
			'/templates',
			{
				name: 'x',
				language: 'en_US',
				category: 'utility',
				inbox_id: 3,
				components: [{ type: 'body', text: 'x' }],
				extra: 1,
			},
			'extra',
		],
		['/contact_lists', { name: 'x', owner: 'me' }, 'owner'],
		['/tickets', { subject: 'x', contact_id: 1, severity: 'high' }, 'severity'],
		[
			'/deals',
			{
				title: 'x',
				pipeline_id: '00000000-0000-4000-8000-000000000000',
				stage_id: '00000000-0000-4000-8000-000000000000',
				amount: '1.00',
			},
			'amount',
		],
		['/ai_agents', { name: 'x', instructions: 'y', model: 'gpt' }, 'model'],
	])(
		'POST %s with an unknown body field → 400 invalid_parameter naming it',
		async (path, body, field) => {
			const res = await api(sim, 'POST', `${V2}${path}`, { body });
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ code: 'invalid_parameter', status: 400 });
			expect(res.body.error).toContain(field);
		},
	);

	test('ids in paths are UUIDs: another shape or an unknown id → 404', async () => {
		expect((await api(sim, 'GET', `${V2}/deals/42`)).status).toBe(404);
		const res = await api(sim, 'GET', `${V2}/deals/00000000-0000-4000-8000-000000000000`);
		expect(res.status).toBe(404);
		expect(res.body.code).toBe('not_found');
	});

	test('scopes: pipelines are read with deals:read; writing deals needs deals:write', async () => {
		const key = sim.control.createKey({ scopes: ['deals:read'] });
		expect((await api(sim, 'GET', `${V2}/pipelines`, { token: key.token })).status).toBe(200);
		const sales = pipeline('Sales');
		const res = await api(sim, 'POST', `${V2}/deals`, {
			token: key.token,
			body: { title: 'x', pipeline_id: sales.id, stage_id: sales.stages[0].id },
		});
		expect(res.status).toBe(403);
		expect(res.body.error).toContain('deals:write');
	});

	test('broadcast, ticket and deal creates are idempotent: the same key replays the first answer', async () => {
		const sales = pipeline('Sales');
		const body = {
			title: 'Once',
			pipeline_id: sales.id,
			stage_id: sales.stages[0].id,
			value: '5.00',
		};
		const headers = { 'Idempotency-Key': 'deal-once-1' };
		const one = await api(sim, 'POST', `${V2}/deals`, { body, headers });
		const two = await api(sim, 'POST', `${V2}/deals`, { body, headers });
		expect(two.status).toBe(201);
		expect(two.headers.get('idempotent-replayed')).toBe('true');
		expect(two.body).toEqual(one.body);
		expect(sim.store.v2OfAccount('deals', 1).filter((deal) => deal.title === 'Once')).toHaveLength(
			1,
		);
	});
});

describe('broadcasts', () => {
	const create = async (extra: Record<string, unknown> = {}) =>
		api(sim, 'POST', `${V2}/broadcasts`, {
			body: {
				name: 'Test',
				inbox_id: 3,
				template_id: template('order_update').id,
				audience: { contact_list_ids: [list('VIP customers').id] },
				...extra,
			},
		});

	test('timestamps are ISO 8601; creating with scheduled_at makes it scheduled, which must be in the future', async () => {
		const draft = await create();
		expect(draft.status).toBe(201);
		expect(draft.body).toMatchObject({
			status: 'draft',
			scheduled_at: null,
			audience: { contact_list_ids: [list('VIP customers').id], labels: [] },
		});
		expect(draft.body.created_at).toMatch(ISO);
		const scheduled = await create({ scheduled_at: '2031-01-01T00:00:00+02:00' });
		expect(scheduled.body).toMatchObject({
			status: 'scheduled',
			scheduled_at: '2030-12-31T22:00:00.000Z',
		});
		const past = await create({ scheduled_at: '2020-01-01T00:00:00Z' });
		expect(past.status).toBe(422);
		expect(past.body.details).toEqual({ scheduled_at: ['must be in the future'] });
	});

	test('the template must be approved and of the same inbox; the audience needs a list or a label', async () => {
		const pending = await create({ template_id: template('welcome_offer').id });
		expect(pending.body.details.template_id).toEqual([
			'is pending: only approved templates can be broadcast',
		]);
		const otherInbox = await create({ inbox_id: 2 });
		expect(otherInbox.body.details.template_id).toEqual(['belongs to inbox 3, not to inbox 2']);
		const nobody = await create({ audience: {} });
		expect(nobody.body.details.audience).toEqual(['needs at least one contact list or label']);
		const unknownList = await create({
			audience: { contact_list_ids: ['00000000-0000-4000-8000-000000000000'] },
		});
		expect(unknownList.status).toBe(422);
	});

	test('PATCH changes only the fields sent', async () => {
		const draft = await create({ template_variables: { '1': 'a' } });
		const res = await api(sim, 'PATCH', `${V2}/broadcasts/${draft.body.id}`, {
			body: { name: 'Renamed' },
		});
		expect(res.body).toEqual({ ...draft.body, name: 'Renamed', updated_at: res.body.updated_at });
	});

	test('a scheduled broadcast starts by itself at scheduled_at, then completes; cancel while sending is allowed', async () => {
		const soon = new Date(Date.now() + 1_000).toISOString();
		const scheduled = await create({ scheduled_at: soon });
		const other = await create({ scheduled_at: soon });
		await sleep(1_100);
		const sending = await api(sim, 'GET', `${V2}/broadcasts/${scheduled.body.id}`);
		expect(sending.body).toMatchObject({
			status: 'sending',
			started_at: soon.replace(/\.\d{3}Z$/, '.000Z'),
		});
		const stats = await api(sim, 'GET', `${V2}/broadcasts/${scheduled.body.id}/stats`);
		expect(stats.body).toEqual({
			recipients: list('VIP customers').contact_ids.length,
			sent: 0,
			delivered: 0,
			read: 0,
			replied: 0,
			failed: 0,
		});
		const cancelled = await api(sim, 'POST', `${V2}/broadcasts/${other.body.id}/cancel`);
		expect(cancelled.body.status).toBe('cancelled');
		await sleep(BROADCAST_SEND_MS);
		const done = await api(sim, 'GET', `${V2}/broadcasts/${scheduled.body.id}`);
		expect(done.body.status).toBe('completed');
		expect(done.body.completed_at).toMatch(ISO);
		expect((await api(sim, 'GET', `${V2}/broadcasts/${other.body.id}`)).body.status).toBe(
			'cancelled',
		);
	});

	test('a broadcast whose template stopped being approved fails', async () => {
		const draft = await create();
		sim.store.updateV2('templates', template('order_update'), { status: 'paused' });
		await api(sim, 'POST', `${V2}/broadcasts/${draft.body.id}/send`);
		await sleep(BROADCAST_SEND_MS + 50);
		const res = await api(sim, 'GET', `${V2}/broadcasts/${draft.body.id}`);
		expect(res.body).toMatchObject({
			status: 'failed',
			failure_reason: 'The template is paused, not approved',
		});
	});

	test('stats of a draft say how many contacts it would reach now', async () => {
		const draft = await create({
			audience: { contact_list_ids: [list('VIP customers').id], labels: ['lead'] },
		});
		const res = await api(sim, 'GET', `${V2}/broadcasts/${draft.body.id}/stats`);
		const ids = new Set([
			...list('VIP customers').contact_ids,
			...[...sim.store.contacts.values()].filter((c) => c.labels.includes('lead')).map((c) => c.id),
		]);
		expect(res.body.recipients).toBe(ids.size);
	});
});

describe('templates', () => {
	test('a pending template is reviewed after TEMPLATE_REVIEW_MS (on read, or by its timer)', async () => {
		const body = {
			name: 'review_me',
			language: 'en_US',
			category: 'utility',
			inbox_id: 3,
			components: [{ type: 'body', text: 'Hello {{1}}, thanks.' }],
		};
		const created = await api(sim, 'POST', `${V2}/templates`, { body });
		expect(created.body).toMatchObject({ status: 'pending' });
		expect((await api(sim, 'GET', `${V2}/templates/${created.body.id}`)).body.status).toBe(
			'pending',
		);
		await sleep(TEMPLATE_REVIEW_MS + 50);
		expect((await api(sim, 'GET', `${V2}/templates/${created.body.id}`)).body.status).toBe(
			'approved',
		);
		const duplicate = await api(sim, 'POST', `${V2}/templates`, { body });
		expect(duplicate.body.details.name).toEqual(['has already been taken for en_US in this inbox']);
	});

	test('name, language and component checks (422)', async () => {
		const res = await api(sim, 'POST', `${V2}/templates`, {
			body: {
				name: 'Bad Name',
				language: 'english',
				category: 'promo',
				inbox_id: 3,
				components: [{ type: 'body', text: 'ok' }],
			},
		});
		expect(res.status).toBe(422);
		expect(Object.keys(res.body.details).sort()).toEqual(['category', 'language', 'name']);
		const buttons = await api(sim, 'POST', `${V2}/templates`, {
			body: {
				name: 'btn',
				language: 'en',
				category: 'utility',
				inbox_id: 3,
				components: [
					{ type: 'body', text: 'Hi there.' },
					{ type: 'buttons', buttons: [{ type: 'url', text: 'Go' }] },
					{ type: 'header', format: 'text' },
				],
			},
		});
		expect(buttons.body.details).toEqual({
			'components[1].buttons[0].url': ['is required for a URL button'],
			'components[2].text': ["can't be blank for a text header"],
		});
	});
});

describe('contact lists', () => {
	test('add is idempotent (skipped), at most 1,000 ids a call, unknown ids → 422 with nothing added', async () => {
		const created = await api(sim, 'POST', `${V2}/contact_lists`, { body: { name: 'L' } });
		const path = `${V2}/contact_lists/${created.body.id}/contacts`;
		expect((await api(sim, 'POST', path, { body: { contact_ids: [1, 2, 2, 3] } })).body).toEqual({
			added: 3,
			skipped: 1,
		});
		expect((await api(sim, 'POST', path, { body: { contact_ids: [3, 4] } })).body).toEqual({
			added: 1,
			skipped: 1,
		});
		const tooMany = await api(sim, 'POST', path, {
			body: { contact_ids: Array.from({ length: 1_001 }, (_, i) => i + 1) },
		});
		expect(tooMany.status).toBe(422);
		expect(tooMany.body.details.contact_ids).toEqual(['must have at most 1000 items']);
		const unknown = await api(sim, 'POST', path, { body: { contact_ids: [5, 9_999] } });
		expect(unknown.body.details.contact_ids).toEqual(['include ids of no contact: 9999']);
		expect(
			(await api(sim, 'GET', `${V2}/contact_lists/${created.body.id}`)).body.contact_count,
		).toBe(4);
		expect((await api(sim, 'DELETE', path, { body: { contact_ids: [1, 77] } })).body).toEqual({
			removed: 1,
			skipped: 1,
		});
	});

	test('members are v1 contacts; a deleted contact leaves the list', async () => {
		const vip = list('VIP customers');
		const before = await api(sim, 'GET', `${V2}/contact_lists/${vip.id}/contacts?per_page=100`);
		expect(before.body.data[0]).toHaveProperty('phone_number');
		await api(sim, 'DELETE', `/api/v1/accounts/1/contacts/${vip.contact_ids[0]}`);
		const after = await api(sim, 'GET', `${V2}/contact_lists/${vip.id}`);
		expect(after.body.contact_count).toBe(before.body.meta.total_count - 1);
	});
});

describe('deals', () => {
	test('value is a decimal string kept exactly; a number or too many decimals → 422', async () => {
		const sales = pipeline('Sales');
		const base = { title: 'Money', pipeline_id: sales.id, stage_id: sales.stages[0].id };
		const ok = await api(sim, 'POST', `${V2}/deals`, { body: { ...base, value: '1250.10' } });
		expect(ok.body.value).toBe('1250.10');
		expect((await api(sim, 'GET', `${V2}/deals/${ok.body.id}`)).body.value).toBe('1250.10');
		const number = await api(sim, 'POST', `${V2}/deals`, { body: { ...base, value: 1250.1 } });
		expect(number.body.details).toEqual({ value: ['must be a string or null'] });
		const decimals = await api(sim, 'POST', `${V2}/deals`, { body: { ...base, value: '1.005' } });
		expect(decimals.status).toBe(422);
	});

	test('changing only the pipeline keeps the stage, which must then belong to it (422)', async () => {
		const deal = sim.store.v2OfAccount('deals', 1)[0];
		const other =
			deal.pipeline_id === pipeline('Sales').id ? pipeline('Partnerships') : pipeline('Sales');
		const res = await api(sim, 'PATCH', `${V2}/deals/${deal.id}`, {
			body: { pipeline_id: other.id },
		});
		expect(res.status).toBe(422);
		expect(res.body.details.stage_id[0]).toMatch(/is not a stage of pipeline/);
	});

	test('filters: external_id exact, updated_since, q', async () => {
		const exact = await api(sim, 'GET', `${V2}/deals?external_id=crm-1001`);
		expect(exact.body.data.map((deal: { external_id: string }) => deal.external_id)).toEqual([
			'crm-1001',
		]);
		const none = await api(sim, 'GET', `${V2}/deals?updated_since=4102444800`);
		expect(none.body.meta.total_count).toBe(0);
		const titled = await api(sim, 'GET', `${V2}/deals?q=pilot`);
		for (const deal of titled.body.data) expect(deal.title.toLowerCase()).toContain('pilot');
	});
});

describe('tickets and AI agents', () => {
	test('ticket numbers go on from the seed; solved sets solved_at, reopening clears it', async () => {
		const created = await api(sim, 'POST', `${V2}/tickets`, {
			body: { subject: 'S', contact_id: 1 },
		});
		expect(created.body.number).toBe(sim.store.v2OfAccount('tickets', 1).length);
		const solved = await api(sim, 'PATCH', `${V2}/tickets/${created.body.id}`, {
			body: { status: 'solved' },
		});
		expect(typeof solved.body.solved_at).toBe('number');
		const reopened = await api(sim, 'PATCH', `${V2}/tickets/${created.body.id}`, {
			body: { status: 'open' },
		});
		expect(reopened.body.solved_at).toBeNull();
	});

	test('AI agent hand-over answers 201 the first time and 200 after; take back answers the ended hand-over', async () => {
		const agent = first(sim.store.v2OfAccount('ai_agents', 1), (a) => a.name === 'Aria');
		const conversation = first(
			[...sim.store.conversations.values()],
			(c) =>
				agent.inbox_ids.includes(c.inbox_id) &&
				!agent.conversations.some((x) => x.conversation_id === c.display_id),
		);
		const path = `${V2}/ai_agents/${agent.id}/conversations`;
		expect(
			(await api(sim, 'POST', path, { body: { conversation_id: conversation.display_id } })).status,
		).toBe(201);
		expect(
			(await api(sim, 'POST', path, { body: { conversation_id: conversation.display_id } })).status,
		).toBe(200);
		const back = await api(sim, 'DELETE', `${path}/${conversation.display_id}`);
		expect(back.body).toMatchObject({
			ai_agent_id: agent.id,
			conversation_id: conversation.display_id,
			active: false,
			handoff_team_id: agent.handoff_team_id,
		});
		const missing = await api(sim, 'POST', path, { body: { conversation_id: 99_999 } });
		expect(missing.body.details).toEqual({
			conversation_id: ['conversation 99999 does not exist'],
		});
	});
});
