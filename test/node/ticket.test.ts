import { byId, nodeSuite } from '../helpers/simulator';
import { errorOf, ISO, recordEvents, UUID } from '../helpers/v2';

const suite = nodeSuite('ticket');
const { run } = suite;

const store = () => suite.fx.sim.store;
const V2 = '/api/v2/accounts/1';

async function createTicket(subject: string, ticketFields: Record<string, unknown> = {}) {
	const { items } = await run({
		operation: 'create',
		subject,
		contactId: byId(12),
		ticketFields,
		simplify: false,
	});
	return items[0].json as { id: string; number: number; status: string };
}

describe('Ticket', () => {
	it('Create sends the fields HueChat names (unix due date, labels array), idempotently, and raises ticket.created', async () => {
		const recorder = recordEvents(suite.fx);
		const { items } = await run({
			operation: 'create',
			subject: 'Charged twice',
			contactId: byId(12),
			ticketFields: {
				description: 'Card charged twice for order 4411',
				priority: 'high',
				status: 'pending',
				labels: 'billing, refund',
				conversationId: 3,
				assigneeId: 2,
				teamId: 1,
				dueAt: '2026-12-24T12:00:00Z',
				customAttributes: '{"order":"4411"}',
			},
		});
		recorder.stop();
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual(['POST', `${V2}/tickets`, 201]);
		expect(request.body).toEqual({
			subject: 'Charged twice',
			contact_id: 12,
			description: 'Card charged twice for order 4411',
			priority: 'high',
			status: 'pending',
			labels: ['billing', 'refund'],
			conversation_id: 3,
			assignee_id: 2,
			team_id: 1,
			due_at: 1798113600,
			custom_attributes: { order: '4411' },
		});
		expect(request.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(items[0].json).toMatchObject({
			subject: 'Charged twice',
			status: 'pending',
			priority: 'high',
			contact_id: 12,
			due_at: '2026-12-24T12:00:00.000Z', // sent in unix seconds, output as ISO 8601
		});
		expect(items[0].json.id).toMatch(UUID);
		expect(typeof items[0].json.number).toBe('number');
		expect(recorder.events.map((event) => event.name)).toEqual(['ticket.created']);
	});

	it('Create with a contact that does not exist is a clear 422', async () => {
		const { items } = await run(
			{ operation: 'create', subject: 'Ghost', contactId: byId(999_999) },
			{ continueOnFail: true },
		);
		expect(errorOf(items[0])).toMatchObject({
			httpCode: '422',
			message: expect.stringMatching(/contact_id: contact 999999 does not exist/),
		});
	});

	it('Update changes only the fields sent; a status change raises ticket.status_changed', async () => {
		const ticket = await createTicket('Status walk', { priority: 'low', labels: 'vip' });
		const recorder = recordEvents(suite.fx);
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'update',
			ticketId: byId(ticket.id),
			ticketUpdateFields: { status: 'solved' },
			simplify: false,
		});
		recorder.stop();
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'PATCH',
			path: `${V2}/tickets/${ticket.id}`,
			body: { status: 'solved' },
		});
		expect(items[0].json).toMatchObject({
			status: 'solved',
			priority: 'low',
			labels: ['vip'],
			subject: 'Status walk',
		});
		expect(items[0].json.solved_at).toMatch(ISO);
		expect(recorder.events.map((event) => event.name)).toEqual([
			'ticket.updated',
			'ticket.status_changed',
		]);
		expect(recorder.events[1].data).toMatchObject({ status: 'solved', previous_status: 'open' });
	});

	it('closed is final: changing or commenting on a closed ticket comes back as a 409 error item', async () => {
		const ticket = await createTicket('To close');
		await run({
			operation: 'update',
			ticketId: byId(ticket.id),
			ticketUpdateFields: { status: 'closed' },
		});
		const reopen = await run(
			{ operation: 'update', ticketId: byId(ticket.id), ticketUpdateFields: { status: 'open' } },
			{ continueOnFail: true },
		);
		expect(errorOf(reopen.items[0])).toMatchObject({
			httpCode: '409',
			message: expect.stringMatching(/is closed: closed tickets can not be changed/),
		});
		const comment = await run(
			{ operation: 'addComment', ticketId: byId(ticket.id), ticketContent: 'Anyone?' },
			{ continueOnFail: true },
		);
		expect(errorOf(comment.items[0])).toMatchObject({
			httpCode: '409',
			message: expect.stringMatching(/can not be commented on/),
		});
		expect(store().tickets.get(ticket.id)?.status).toBe('closed');
	});

	it('Add Comment and Get Comments (oldest first, paged with per_page=100)', async () => {
		const ticket = await createTicket('Chatty');
		await suite.fx.clearRequests();
		const note = await run({
			operation: 'addComment',
			ticketId: byId(ticket.id),
			ticketContent: 'Checked the logs',
			private: true,
		});
		await run({
			operation: 'addComment',
			ticketId: byId(ticket.id),
			ticketContent: 'Refund issued',
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				`${V2}/tickets/${ticket.id}/comments`,
				{ content: 'Checked the logs', private: true },
			],
			['POST', `${V2}/tickets/${ticket.id}/comments`, { content: 'Refund issued', private: false }],
		]);
		expect(note.items[0].json).toMatchObject({
			ticket_id: ticket.id,
			content: 'Checked the logs',
			private: true,
			author: { id: 1, type: 'user' },
		});
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'getComments',
			ticketId: byId(ticket.id),
			returnAll: true,
		});
		expect((await suite.fx.requests())[0].query).toEqual({ page: '1', per_page: '100' });
		expect(items.map((item) => item.json.content)).toEqual(['Checked the logs', 'Refund issued']);
	});

	it('Get (simplified) and Get Many with filters', async () => {
		const seeded = store().v2OfAccount('tickets', 1)[0];
		const { items } = await run({ operation: 'get', ticketId: byId(seeded.id) });
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'assignee_id',
				'contact_id',
				'conversation_id',
				'due_at',
				'id',
				'number',
				'priority',
				'status',
				'subject',
				'updated_at',
			].sort(),
		);
		await suite.fx.clearRequests();
		const open = await run({
			operation: 'getAll',
			returnAll: true,
			ticketFilters: { status: 'open', q: 'refund' },
		});
		expect((await suite.fx.requests())[0].query).toEqual({
			page: '1',
			per_page: '100',
			status: 'open',
			q: 'refund',
		});
		expect(open.items.length).toBeGreaterThan(0);
		for (const item of open.items) {
			expect(item.json.status).toBe('open');
			expect(String(item.json.subject).toLowerCase()).toContain('refund');
		}
	});

	it('Delete removes the ticket and its comments', async () => {
		const ticket = await createTicket('Delete me');
		await run({ operation: 'addComment', ticketId: byId(ticket.id), ticketContent: 'bye' });
		await suite.fx.clearRequests();
		const { items } = await run({ operation: 'delete', ticketId: byId(ticket.id) });
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'DELETE',
			path: `${V2}/tickets/${ticket.id}`,
			status: 204,
		});
		expect(store().tickets.has(ticket.id)).toBe(false);
		expect(
			[...store().ticket_comments.values()].some((comment) => comment.ticket_id === ticket.id),
		).toBe(false);
	});
});
