import type { IDataObject } from 'n8n-workflow';

import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture, v1Status } from '../helpers/simulator';

let fx: SimulatorFixture;
const conversation = { __rl: true, mode: 'id', value: '1' };

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.sim.close());
beforeEach(async () => fx.clearRequests());

const run = (parameters: Record<string, unknown>, items?: IDataObject[]) =>
	runHueChat({
		credentials: fx.credentials,
		parameters: { resource: 'message', ...parameters } as never,
		items,
	});

describe('Message', () => {
	it('Create sends one message per input item, each with its own Idempotency-Key', async () => {
		const { items } = await run(
			{
				operation: 'create',
				conversationId: conversation,
				messageContent: '={{ "Reply " + $json.n }}',
				messageFields: { private: true },
			},
			[{ n: 1 }, { n: 2 }, { n: 3 }],
		);
		const requests = await fx.requests();
		expect(requests.map((r) => (r.body as { content: string }).content).sort()).toEqual([
			'Reply 1',
			'Reply 2',
			'Reply 3',
		]);
		expect(
			requests.every(
				(r) =>
					r.path === '/api/v1/accounts/1/conversations/1/messages' &&
					r.status === v1Status(fx, 'create'),
			),
		).toBe(true);
		expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).toBe(3);
		expect(items.map((i) => i.json.content)).toEqual(['Reply 1', 'Reply 2', 'Reply 3']);
		expect(items.every((i) => i.json.private === true)).toBe(true);
	});

	it('Get Many with Return All pages back with `before` and returns every message once, oldest first', async () => {
		for (let n = 0; n < 45; n++)
			await run({ operation: 'create', conversationId: conversation, messageContent: `bulk ${n}` });
		await fx.clearRequests();
		const stored = (
			(await fx.sim.control.collection('messages')) as Array<{
				id: number;
				conversation_id: number;
			}>
		).filter((m) => m.conversation_id === 1);
		const { items } = await run({
			operation: 'getAll',
			conversationId: conversation,
			returnAll: true,
			simplify: false,
		});
		const ids = items.map((i) => Number(i.json.id));
		expect(ids).toEqual(stored.map((m) => m.id).sort((a, b) => a - b));
		const requests = await fx.requests();
		expect(requests[0].query.before).toBeUndefined();
		expect(requests.slice(1).every((r) => Number(r.query.before) > 0)).toBe(true);
	});

	it('Get Many with a Limit returns the newest messages in chronological order', async () => {
		const { items } = await run({ operation: 'getAll', conversationId: conversation, limit: 5 });
		const ids = items.map((i) => Number(i.json.id));
		expect(ids).toHaveLength(5);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		const newest = (
			(await fx.sim.control.collection('messages')) as Array<{
				id: number;
				conversation_id: number;
			}>
		)
			.filter((m) => m.conversation_id === 1)
			.map((m) => m.id)
			.sort((a, b) => a - b)
			.slice(-5);
		expect(ids).toEqual(newest);
		expect(items[0].json).toHaveProperty('message_type');
	});

	it('Create refuses empty content before sending', async () => {
		await expect(
			run({ operation: 'create', conversationId: conversation, messageContent: '   ' }),
		).rejects.toThrow(/'Content' must be text of 1 to 150,000 characters/);
		expect(await fx.requests()).toHaveLength(0);
	});
});
