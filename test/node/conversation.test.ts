import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('conversation');
const { run } = suite;

describe('Conversation', () => {
	it('Create starts a conversation for a contact in an inbox, with a first message', async () => {
		const { items } = await run({
			operation: 'create',
			inboxId: byId(1),
			contactId: byId(4),
			conversationFields: { message: 'Hello from n8n', status: 'pending' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/conversations',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.body).toEqual({
			inbox_id: 1,
			contact_id: 4,
			status: 'pending',
			message: { content: 'Hello from n8n' },
		});
		expect(request.headers['idempotency-key']).toMatch(/^n8n-/);
		expect(items[0].json).toMatchObject({ inbox_id: 1, status: 'pending' });
		const stored = (await suite.fx.sim.control.collection('conversations')) as Array<{
			id: number;
		}>;
		expect(stored.some((c) => c.id === items[0].json.id)).toBe(true);
	});

	it("Create sends Snoozed Until as an ISO 8601 date-time, as Chatwoot's conversation_create_payload has it, and only when set", async () => {
		const snoozed = await run({
			operation: 'create',
			inboxId: byId(1),
			contactId: byId(4),
			conversationFields: { status: 'snoozed', snoozedUntil: '2030-01-02T03:04:05Z' },
			simplify: false, // the whole answer: snoozed_until is not among the simplified fields
		});
		// a date from an expression as unix seconds is sent the same way
		await run({
			operation: 'create',
			inboxId: byId(1),
			contactId: byId(5),
			conversationFields: { status: 'snoozed', snoozedUntil: '={{ 1893553445 }}' },
		});
		// added but left empty: not sent
		await run({
			operation: 'create',
			inboxId: byId(1),
			contactId: byId(6),
			conversationFields: { status: 'open', snoozedUntil: '' },
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path, r.status])).toEqual(
			Array(3).fill(['POST', '/api/v1/accounts/1/conversations', v1Status(suite.fx, 'create')]),
		);
		expect(requests.map((r) => r.body)).toEqual([
			{ inbox_id: 1, contact_id: 4, status: 'snoozed', snoozed_until: '2030-01-02T03:04:05.000Z' },
			{ inbox_id: 1, contact_id: 5, status: 'snoozed', snoozed_until: '2030-01-02T03:04:05.000Z' },
			{ inbox_id: 1, contact_id: 6, status: 'open' },
		]);
		// the simulator read the date-time: HueChat keeps (and answers) unix seconds
		expect(snoozed.items[0].json).toMatchObject({ status: 'snoozed', snoozed_until: 1893553445 });
		expect(
			suite.fx.sim.store.conversationByDisplayId(1, Number(snoozed.items[0].json.id))
				?.snoozed_until,
		).toBe(1893553445);
	});

	it('Get returns the conversation simplified to the fields a workflow needs', async () => {
		const { items } = await run({ operation: 'get', conversationId: byId(2) });
		expect(items[0].json).toEqual(
			expect.objectContaining({
				id: 2,
				inbox_id: expect.any(Number),
				status: expect.any(String),
				contact_id: expect.any(Number),
			}),
		);
		expect(Object.keys(items[0].json)).toHaveLength(10);
	});

	it('Get Many with Return All pages 25 at a time until a short page, with the filters in the query', async () => {
		const all = (await suite.fx.sim.control.collection('conversations')) as Array<{ id: number }>;
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			conversationFilters: { status: 'all', labels: 'vip, billing ,' },
		});
		const requests = await suite.fx.requests();
		expect(requests[0].query).toMatchObject({ status: 'all', page: '1' });
		expect(requests[0].query['labels[]']).toEqual(['vip', 'billing']);
		expect(requests.length).toBeGreaterThanOrEqual(1);
		const unfiltered = await run({
			operation: 'getAll',
			returnAll: true,
			conversationFilters: { status: 'all' },
		});
		expect(unfiltered.items).toHaveLength(all.length);
		expect(new Set(unfiltered.items.map((i) => i.json.id)).size).toBe(all.length);
		expect(items.length).toBeLessThanOrEqual(all.length);
	});

	it('Get Many with a Limit returns exactly that many', async () => {
		const { items } = await run({
			operation: 'getAll',
			limit: 30,
			conversationFilters: { status: 'all' },
		});
		expect(items).toHaveLength(30);
		expect((await suite.fx.requests()).map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('Set Status snoozes until a date, sent as unix seconds', async () => {
		const { items } = await run({
			operation: 'setStatus',
			conversationId: byId(3),
			status: 'snoozed',
			snoozedUntil: '2030-01-02T03:04:05Z',
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual([
			'POST',
			'/api/v1/accounts/1/conversations/3/toggle_status',
		]);
		expect(request.body).toEqual({ status: 'snoozed', snoozed_until: 1893553445 });
		expect(items[0].json).toMatchObject({
			success: true,
			conversation_id: 3,
			current_status: 'snoozed',
		});
	});

	it('Set Status resolves without a snooze date', async () => {
		await run({ operation: 'setStatus', conversationId: byId(3), status: 'resolved' });
		const [request] = await suite.fx.requests();
		expect(request.body).toEqual({ status: 'resolved' });
	});
});
