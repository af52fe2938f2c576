import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';

let fx: SimulatorFixture;
let receiver: http.Server;
let receiverUrl: string;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
	fx = await startFixture({ contacts: 20, delivery: { retryBaseMs: 5 } });
	receiver = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => {
			received.push({ headers: req.headers, body });
			res.writeHead(204).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/huechat`;
});
afterAll(async () => {
	await fx.sim.close();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
	await fx.clearRequests();
	received.length = 0;
});

const run = (
	parameters: Record<string, unknown>,
	extra: Partial<Parameters<typeof runHueChat>[0]> = {},
) =>
	runHueChat({
		credentials: fx.credentials,
		parameters: { resource: 'outboundWebhook', ...parameters } as never,
		...extra,
	});

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
const BASE = '/api/v2/accounts/1/outbound_webhooks';
const SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

async function createOne(
	events: string[] = ['message.created'],
	url = receiverUrl,
): Promise<{ id: string; secret: string }> {
	const { items } = await run({ operation: 'create', url, events });
	return items[0].json as { id: string; secret: string };
}

describe('Outbound Webhook', () => {
	it('Create sends url, events and the additional fields, and outputs the secret once', async () => {
		const { items } = await run({
			operation: 'create',
			url: receiverUrl,
			events: ['message.created', 'deal.won'],
			outboundWebhookFields: { description: 'Order sync', active: false },
		});
		const [request] = await fx.requests();
		expect(`${request.method} ${request.path}`).toBe(`POST ${BASE}`);
		expect(request.body).toEqual({
			url: receiverUrl,
			events: ['message.created', 'deal.won'],
			description: 'Order sync',
			active: false,
		});
		expect(request.status).toBe(201);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			url: receiverUrl,
			events: ['message.created', 'deal.won'],
			description: 'Order sync',
			active: false,
		});
		expect(items[0].json.secret).toMatch(SECRET);
		const stored = fx.sim.store.outbound_webhooks.get(String(items[0].json.id));
		expect(stored?.secret).toBe(items[0].json.secret);
	});

	it('Create with All Events subscribes to *', async () => {
		const { items } = await run({ operation: 'create', url: receiverUrl, events: ['*'] });
		expect((await fx.requests())[0].body).toEqual({ url: receiverUrl, events: ['*'] });
		expect(items[0].json.events).toEqual(['*']);
	});

	it('Create names HueChat’s refusal of a plain-http URL that is not this machine', async () => {
		await expect(
			run({ operation: 'create', url: 'http://example.com/hook', events: ['message.created'] }),
		).rejects.toThrow(/HueChat 422.*url/);
	});

	it('Get returns the subscription without its secret', async () => {
		const { id } = await createOne();
		await fx.clearRequests();
		const { items } = await run({ operation: 'get', outboundWebhookId: byId(id) });
		const [request] = await fx.requests();
		expect(`${request.method} ${request.path}`).toBe(`GET ${BASE}/${id}`);
		expect(items[0].json).toMatchObject({
			id,
			url: receiverUrl,
			events: ['message.created'],
			active: true,
			failure_count: 0,
		});
		expect(items[0].json).not.toHaveProperty('secret');
	});

	it('Get refuses an ID that is not a UUID before any request', async () => {
		await expect(run({ operation: 'get', outboundWebhookId: byId('42') })).rejects.toThrow(
			/'Outbound Webhook' must be a UUID/,
		);
		expect(await fx.requests()).toEqual([]);
	});

	it('Get Many follows every page (per_page 100) and never outputs a secret', async () => {
		fx.sim.store.outbound_webhooks.clear();
		const created: string[] = [];
		for (let i = 0; i < 105; i++)
			created.push((await createOne(['contact.created'], `${receiverUrl}?n=${i}`)).id);
		await fx.clearRequests();
		const { items } = await run({ operation: 'getAll', returnAll: true });
		expect(items.map((item) => item.json.id)).toEqual(created);
		expect(items.some((item) => 'secret' in item.json)).toBe(false);
		const pages = (await fx.requests()).map(
			(r) => `${r.method} ${r.path} ${String(r.query.page)}/${String(r.query.per_page)}`,
		);
		expect(pages).toEqual([`GET ${BASE} 1/100`, `GET ${BASE} 2/100`]);
	});

	it('Get Many with a Limit asks for no more than it needs', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: false, limit: 3 });
		expect(items).toHaveLength(3);
		expect((await fx.requests()).map((r) => r.query.per_page)).toEqual(['3']);
	});

	it('Update sends only the fields set (PATCH) and keeps the secret out of the output', async () => {
		const { id, secret } = await createOne();
		await fx.clearRequests();
		const { items } = await run({
			operation: 'update',
			outboundWebhookId: byId(id),
			outboundWebhookUpdateFields: { events: ['deal.stage_changed'], active: false },
		});
		const [request] = await fx.requests();
		expect(`${request.method} ${request.path}`).toBe(`PATCH ${BASE}/${id}`);
		expect(request.body).toEqual({ events: ['deal.stage_changed'], active: false });
		expect(items[0].json).toMatchObject({
			id,
			url: receiverUrl,
			events: ['deal.stage_changed'],
			active: false,
		});
		expect(items[0].json).not.toHaveProperty('secret');
		expect(fx.sim.store.outbound_webhooks.get(id)?.secret).toBe(secret);
	});

	it('Update with no fields is refused before any request', async () => {
		const { id } = await createOne();
		await fx.clearRequests();
		await expect(
			run({ operation: 'update', outboundWebhookId: byId(id), outboundWebhookUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await fx.requests()).toEqual([]);
	});

	it('Rotate Secret outputs the new secret; deliveries then carry both signatures', async () => {
		const { id, secret } = await createOne(['message.created']);
		await fx.clearRequests();
		const { items } = await run({ operation: 'rotateSecret', outboundWebhookId: byId(id) });
		const [request] = await fx.requests();
		expect(`${request.method} ${request.path}`).toBe(`POST ${BASE}/${id}/rotate_secret`);
		expect(items[0].json.secret).toMatch(SECRET);
		expect(items[0].json.secret).not.toBe(secret);
		await run({ operation: 'sendTest', outboundWebhookId: byId(id) });
		await fx.sim.delivery.settled();
		expect(String(received[0].headers['webhook-signature']).split(' ')).toHaveLength(2);
	});

	it('Send Test Event delivers webhook.test to the subscription, signed', async () => {
		const { id } = await createOne(['deal.won']);
		await fx.clearRequests();
		const { items } = await run({ operation: 'sendTest', outboundWebhookId: byId(id) });
		const [request] = await fx.requests();
		expect(`${request.method} ${request.path}`).toBe(`POST ${BASE}/${id}/test`);
		expect(request.status).toBe(202);
		expect(items[0].json).toEqual({ event: 'webhook.test', outbound_webhook_id: id, queued: true });
		await fx.sim.delivery.settled();
		expect(received).toHaveLength(1);
		const body = JSON.parse(received[0].body) as { event: string; data: { id: string } };
		expect(body).toMatchObject({ event: 'webhook.test', data: { id } });
		expect(received[0].headers['webhook-signature']).toMatch(/^v1,/);
		expect(received[0].headers['user-agent']).toBe('HueChat-Webhooks/2');
	});

	it('Delete answers {deleted: true} and the subscription is gone', async () => {
		const { id } = await createOne();
		await fx.clearRequests();
		const { items } = await run({ operation: 'delete', outboundWebhookId: byId(id) });
		const [request] = await fx.requests();
		expect(`${request.method} ${request.path} ${request.status}`).toBe(`DELETE ${BASE}/${id} 204`);
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect(fx.sim.store.outbound_webhooks.has(id)).toBe(false);
		await expect(run({ operation: 'get', outboundWebhookId: byId(id) })).rejects.toThrow(
			/HueChat 404/,
		);
	});
});
