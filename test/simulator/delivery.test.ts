// Webhook subscriptions and real, signed deliveries: v2 outbound webhooks (Standard Webhooks) and v1 account
// webhooks (Chatwoot), retries with backoff, rotation, the delivery log and hand-made deliveries.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { verifyChatwootWebhook } from '../../nodes/HueChatTrigger/signatures';
import { verifyStandardWebhook } from '../../nodes/shared/webhookSecurity/standardWebhooks';
import {
	V1_EVENTS as NODE_V1_EVENTS,
	V2_EVENTS as NODE_V2_EVENTS,
} from '../../nodes/shared/descriptions/webhookEvents';
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { retryDelay } from '../../simulator/delivery.ts';
import { V1_EVENTS, V1_EVENT_FOR, V2_EVENTS } from '../../simulator/webhookEvents.ts';
import { api, V1 } from './helpers';

const V2 = '/api/v2/accounts/1';

interface Received {
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
	at: number;
}

let sim: Simulator;
let receiver: http.Server;
let base: string;
const received: Received[] = [];
/** Statuses the receiver answers, in order (200 once they run out). */
let script: number[] = [];

beforeAll(async () => {
	sim = await startSimulator({ contacts: 10, delivery: { retryBaseMs: 20, maxAttempts: 4 } });
	receiver = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => {
			received.push({ path: req.url ?? '', headers: req.headers, body, at: Date.now() });
			res.writeHead(script.shift() ?? 200).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await sim.close();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
	await sim.delivery.settled();
	sim.store.outbound_webhooks.clear();
	sim.store.account_webhooks.clear();
	sim.delivery.clearLog();
	received.length = 0;
	script = [];
});

async function subscribe(
	events: string[],
	path = '/v2',
	extra: Record<string, unknown> = {},
): Promise<{ id: string; secret: string }> {
	const { status, body } = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
		body: { url: `${base}${path}`, events, ...extra },
	});
	expect(status).toBe(201);
	return body as { id: string; secret: string };
}

async function subscribeV1(
	subscriptions: string[],
	path = '/v1',
	extra: Record<string, unknown> = {},
): Promise<{ id: number; secret: string }> {
	const { status, body } = await api(sim, 'POST', `${V1}/webhooks`, {
		body: { url: `${base}${path}`, subscriptions, ...extra },
	});
	expect(status).toBe(201);
	return body.payload.webhook as { id: number; secret: string };
}

async function sendMessage(
	content: string,
	conversationId = 1,
	extra: Record<string, unknown> = {},
): Promise<number> {
	const { status, body } = await api(
		sim,
		'POST',
		`${V1}/conversations/${conversationId}/messages`,
		{ body: { content, ...extra } },
	);
	expect(status).toBe(201);
	return body.id as number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('event names', () => {
	it('the simulator and the node list the same events (docs/contract.md §4; Chatwoot’s 12)', () => {
		expect([...V2_EVENTS]).toEqual(NODE_V2_EVENTS);
		expect([...V1_EVENTS]).toEqual(NODE_V1_EVENTS);
	});

	it('every v1 mapping targets a Chatwoot event, and conversation.assigned / contact.deleted have none', () => {
		for (const v1 of Object.values(V1_EVENT_FOR)) expect(V1_EVENTS).toContain(v1);
		expect(V1_EVENT_FOR['conversation.assigned']).toBeUndefined();
		expect(V1_EVENT_FOR['contact.deleted']).toBeUndefined();
		expect(V1_EVENT_FOR['message.created']).toBe('message_created');
	});
});

describe('v2 outbound webhook subscriptions (API)', () => {
	it('create answers the secret once; get, list and update never show it; PATCH changes only what is sent', async () => {
		const created = await subscribe(['message.created', 'message.created', 'deal.won'], '/v2', {
			description: 'Sync',
		});
		expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
		expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
		const got = await api(sim, 'GET', `${V2}/outbound_webhooks/${created.id}`);
		expect(got.body).toMatchObject({
			id: created.id,
			events: ['message.created', 'deal.won'],
			description: 'Sync',
			active: true,
			failure_count: 0,
			last_delivery_at: null,
		});
		expect(got.body).not.toHaveProperty('secret');
		const patched = await api(sim, 'PATCH', `${V2}/outbound_webhooks/${created.id}`, {
			body: { active: false },
		});
		expect(patched.body).toMatchObject({
			events: ['message.created', 'deal.won'],
			description: 'Sync',
			active: false,
		});
		expect(patched.body).not.toHaveProperty('secret');
		const list = await api(sim, 'GET', `${V2}/outbound_webhooks?per_page=1`);
		expect(list.body.meta).toEqual({ page: 1, per_page: 1, total_count: 1, total_pages: 1 });
		expect(list.body.data[0]).not.toHaveProperty('secret');
	});

	it('validates URL (https, or http on loopback), events and fields', async () => {
		const insecure = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
			body: { url: 'http://example.com/x', events: ['message.created'] },
		});
		expect(insecure.status).toBe(422);
		expect(insecure.body.details.url[0]).toMatch(/https/);
		const unknownEvent = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
			body: { url: 'https://example.com/x', events: ['message.exploded'] },
		});
		expect(unknownEvent.status).toBe(422);
		const empty = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
			body: { url: 'https://example.com/x', events: [] },
		});
		expect(empty.status).toBe(422);
		const unknownField = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
			body: { url: 'https://example.com/x', events: ['*'], secret: 'mine' },
		});
		expect(unknownField.status).toBe(400);
		const all = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
			body: { url: 'https://example.com/x', events: ['message.created', '*'] },
		});
		expect(all.body.events).toEqual(['*']);
		expect((await api(sim, 'GET', `${V2}/outbound_webhooks/not-a-uuid`)).status).toBe(404);
	});

	it('needs the webhooks scope', async () => {
		const key = sim.control.createKey({ scopes: ['webhooks:read'] });
		expect((await api(sim, 'GET', `${V2}/outbound_webhooks`, { token: key.token })).status).toBe(
			200,
		);
		const denied = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
			token: key.token,
			body: { url: 'https://example.com', events: ['*'] },
		});
		expect(denied.status).toBe(403);
	});
});

describe('v2 deliveries', () => {
	it('a message created through the API is POSTed, signed (Standard Webhooks), with the envelope and the resource', async () => {
		const subscription = await subscribe(['message.created']);
		const messageId = await sendMessage('Hello there');
		await sim.delivery.settled();
		expect(received).toHaveLength(1);
		const [delivery] = received;
		const body = JSON.parse(delivery.body) as Record<string, unknown>;
		expect(body).toEqual({
			id: delivery.headers['webhook-id'],
			event: 'message.created',
			created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			account_id: 1,
			data: expect.objectContaining({ id: messageId, content: 'Hello there', conversation_id: 1 }),
		});
		expect(delivery.headers['user-agent']).toBe('HueChat-Webhooks/2');
		expect(delivery.headers['content-type']).toBe('application/json');
		const verdict = verifyStandardWebhook(
			[subscription.secret],
			{
				id: String(delivery.headers['webhook-id']),
				timestamp: String(delivery.headers['webhook-timestamp']),
				signature: String(delivery.headers['webhook-signature']),
				rawBody: Buffer.from(delivery.body),
			},
			nowSeconds(),
		);
		expect(verdict).toBeUndefined();
		expect(sim.store.outbound_webhooks.get(subscription.id)?.last_delivery_at).not.toBeNull();
	});

	it('only subscribed, active subscriptions of the account receive an event; * receives every §4 event', async () => {
		await subscribe(['contact.created'], '/contacts');
		await subscribe(['*'], '/all');
		const paused = await subscribe(['message.created'], '/paused');
		await api(sim, 'PATCH', `${V2}/outbound_webhooks/${paused.id}`, { body: { active: false } });
		await sendMessage('to all');
		await api(sim, 'POST', `${V1}/conversations/1/toggle_typing_status`, {
			body: { typing_status: 'on' },
			conform: false,
		});
		await sim.delivery.settled();
		expect(
			received.map((r) => `${r.path} ${(JSON.parse(r.body) as { event: string }).event}`),
		).toEqual(['/all message.created']);
	});

	it('conversation, contact and assignment changes raise their events', async () => {
		await subscribe(['*'], '/all');
		await api(sim, 'POST', `${V1}/conversations/2/toggle_status`, { body: { status: 'pending' } });
		await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'Event Person', email: 'event.person@example.com' },
		});
		await sim.delivery.settled();
		const events = received.map((r) => (JSON.parse(r.body) as { event: string }).event).sort();
		expect(events).toEqual([
			'contact.created',
			'conversation.status_changed',
			'conversation.updated',
		]);
	});

	it('retries non-2xx with exponential backoff, the same webhook-id every time, up to maxAttempts', async () => {
		const subscription = await subscribe(['message.created']);
		script = [500, 503, 429];
		await sendMessage('eventually');
		await sim.delivery.settled();
		expect(received).toHaveLength(4);
		expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
		// base 20 ms: 20, 40, 80 ms at most, each at least half of it (jitter)
		const gaps = received.slice(1).map((r, i) => r.at - received[i].at);
		expect(gaps[0]).toBeGreaterThanOrEqual(9);
		expect(gaps[1]).toBeGreaterThanOrEqual(19);
		expect(gaps[2]).toBeGreaterThanOrEqual(39);
		const log = sim.delivery.log(0, subscription.id);
		expect(log.map((entry) => [entry.attempt, entry.status])).toEqual([
			[1, 500],
			[2, 503],
			[3, 429],
			[4, 200],
		]);
		expect(log[0].next_retry_at).not.toBeNull();
		expect(log[3].next_retry_at).toBeNull();
	});

	it('spreads retries: deliveries refused together come back at different moments, each in the second half of its interval', () => {
		const options = { retryBaseMs: 1_000, retryMaxMs: 60_000 };
		const delays = Array.from({ length: 200 }, () => retryDelay(3, options));
		expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
		expect(Math.max(...delays)).toBeLessThanOrEqual(4_000);
		expect(new Set(delays).size).toBeGreaterThan(100);
		expect(retryDelay(20, options, () => 1)).toBe(60_000);
		expect(retryDelay(1, options, () => 0)).toBe(500);
	});

	it('gives up after maxAttempts and counts the failure on the subscription', async () => {
		const subscription = await subscribe(['message.created']);
		script = [500, 500, 500, 500];
		await sendMessage('never');
		await sim.delivery.settled();
		expect(received).toHaveLength(4);
		expect(sim.store.outbound_webhooks.get(subscription.id)?.failure_count).toBe(1);
		await api(sim, 'PATCH', `${V2}/outbound_webhooks/${subscription.id}`, {
			body: { active: true },
		});
		expect(sim.store.outbound_webhooks.get(subscription.id)?.failure_count).toBe(0);
	});

	it('stops retrying once the subscription is deleted', async () => {
		const subscription = await subscribe(['message.created']);
		script = [500, 500, 500, 500];
		await sendMessage('orphaned');
		await api(sim, 'DELETE', `${V2}/outbound_webhooks/${subscription.id}`);
		await sim.delivery.settled();
		expect(received.length).toBeLessThanOrEqual(1);
	});

	it('rotate_secret: deliveries carry both signatures, each verifies with its secret; the old one stops after 24 h', async () => {
		const subscription = await subscribe(['message.created']);
		const rotated = await api(
			sim,
			'POST',
			`${V2}/outbound_webhooks/${subscription.id}/rotate_secret`,
		);
		expect(rotated.status).toBe(200);
		const newSecret = rotated.body.secret as string;
		expect(newSecret).not.toBe(subscription.secret);
		await sendMessage('rotating');
		await sim.delivery.settled();
		const [delivery] = received;
		const signatures = String(delivery.headers['webhook-signature']).split(' ');
		expect(signatures).toHaveLength(2);
		for (const secret of [newSecret, subscription.secret]) {
			for (const signature of [signatures.join(' ')]) {
				expect(
					verifyStandardWebhook(
						[secret],
						{
							id: String(delivery.headers['webhook-id']),
							timestamp: String(delivery.headers['webhook-timestamp']),
							signature,
							rawBody: Buffer.from(delivery.body),
						},
						nowSeconds(),
					),
				).toBeUndefined();
			}
		}
		sim.store.outbound_webhooks.get(subscription.id)!.previous_secret_expires_at = Date.now() - 1;
		await sendMessage('after the overlap');
		await sim.delivery.settled();
		expect(String(received[1].headers['webhook-signature']).split(' ')).toHaveLength(1);
	});

	it('send test event delivers webhook.test to that subscription only, whatever its events', async () => {
		const target = await subscribe(['deal.won'], '/target');
		await subscribe(['*'], '/other');
		const { status, body } = await api(sim, 'POST', `${V2}/outbound_webhooks/${target.id}/test`);
		expect(status).toBe(202);
		expect(body).toEqual({ event: 'webhook.test', outbound_webhook_id: target.id, queued: true });
		await sim.delivery.settled();
		expect(received.map((r) => r.path)).toEqual(['/target']);
		expect(JSON.parse(received[0].body)).toMatchObject({
			event: 'webhook.test',
			data: { id: target.id },
		});
	});

	it('never contacts a host other than this machine unless allowed', async () => {
		const { body } = await api(sim, 'POST', `${V2}/outbound_webhooks`, {
			body: { url: 'https://hooks.example.com/x', events: ['message.created'] },
		});
		await sendMessage('not leaving');
		await sim.delivery.settled();
		const log = sim.delivery.log(0, body.id as string);
		expect(log.length).toBeGreaterThan(0);
		expect(
			log.every((entry) => entry.status === null && /not this machine/.test(String(entry.error))),
		).toBe(true);
	});
});

describe('v1 account webhooks (Chatwoot-compatible)', () => {
	it('GET/POST/PATCH/DELETE /webhooks with Chatwoot wrappers; URL unique per account', async () => {
		const created = await subscribeV1(['message_created'], '/v1', { name: 'CRM', inbox_id: 1 });
		expect(created).toMatchObject({
			name: 'CRM',
			subscriptions: ['message_created'],
			inbox: { id: 1 },
			account_id: 1,
		});
		const duplicate = await api(sim, 'POST', `${V1}/webhooks`, {
			body: { url: `${base}/v1`, subscriptions: ['message_created'] },
		});
		expect(duplicate.status).toBe(422);
		expect(duplicate.body.details.url).toEqual(['has already been taken']);
		const bad = await api(sim, 'POST', `${V1}/webhooks`, {
			body: { url: `${base}/x`, subscriptions: ['message.created'] },
		});
		expect(bad.status).toBe(422);
		const list = await api(sim, 'GET', `${V1}/webhooks`);
		expect(list.body.payload.webhooks.map((w: { id: number }) => w.id)).toEqual([created.id]);
		const patched = await api(sim, 'PATCH', `${V1}/webhooks/${created.id}`, {
			body: { subscriptions: ['contact_created'], inbox_id: null },
		});
		expect(patched.body.payload.webhook).toMatchObject({
			subscriptions: ['contact_created'],
			name: 'CRM',
		});
		expect(patched.body.payload.webhook).not.toHaveProperty('inbox');
		expect((await api(sim, 'DELETE', `${V1}/webhooks/${created.id}`)).status).toBe(204);
		expect((await api(sim, 'DELETE', `${V1}/webhooks/${created.id}`)).status).toBe(404);
	});

	it('delivers Chatwoot’s body and X-Chatwoot-* headers, signed over "timestamp.body"', async () => {
		const webhook = await subscribeV1(['message_created']);
		const messageId = await sendMessage('Chatwoot compatible');
		await sim.delivery.settled();
		expect(received).toHaveLength(1);
		const [delivery] = received;
		const body = JSON.parse(delivery.body) as Record<string, unknown>;
		expect(body).toMatchObject({
			event: 'message_created',
			id: messageId,
			content: 'Chatwoot compatible',
			message_type: 'outgoing',
			created_at: expect.stringMatching(/T/),
			conversation: { id: 1, account: { id: 1 } },
			inbox: { id: expect.any(Number) },
			account: { id: 1 },
		});
		expect(delivery.headers['x-chatwoot-delivery']).toMatch(/^[0-9a-f-]{36}$/);
		const verdict = verifyChatwootWebhook(
			[webhook.secret],
			{
				timestamp: String(delivery.headers['x-chatwoot-timestamp']),
				signature: String(delivery.headers['x-chatwoot-signature']),
				rawBody: Buffer.from(delivery.body),
			},
			nowSeconds(),
		);
		expect(verdict).toBeUndefined();
	});

	it('maps v2 events: a status change is conversation_status_changed and conversation_updated (with changed_attributes)', async () => {
		await subscribeV1(['conversation_status_changed', 'conversation_updated', 'contact_updated']);
		for (const status of ['pending', 'open', 'resolved'])
			await api(sim, 'POST', `${V1}/conversations/3/toggle_status`, { body: { status } });
		await sim.delivery.settled();
		const bodies = received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
		const updated = bodies.filter((b) => b.event === 'conversation_updated').at(-1)!;
		expect(updated).toMatchObject({ id: 3, status: 'resolved' });
		expect(updated.changed_attributes).toEqual(
			expect.arrayContaining([{ status: { previous_value: 'open', current_value: 'resolved' } }]),
		);
		expect(
			bodies.some((b) => b.event === 'conversation_status_changed' && b.status === 'resolved'),
		).toBe(true);
	});

	it('a webhook bound to an inbox receives only that inbox’s events', async () => {
		const inboxOfConversation1 = (
			sim.store.list('conversations') as Array<{
				display_id: number;
				inbox_id: number;
				account_id: number;
			}>
		).find((c) => c.display_id === 1 && c.account_id === 1)!.inbox_id;
		const otherInbox = (
			sim.store.list('inboxes') as Array<{ id: number; account_id: number }>
		).find((i) => i.account_id === 1 && i.id !== inboxOfConversation1)!.id;
		await subscribeV1(['message_created'], '/bound', { inbox_id: otherInbox });
		await subscribeV1(['message_created'], '/unbound');
		await sendMessage('where does it go');
		await sim.delivery.settled();
		expect(received.map((r) => r.path)).toEqual(['/unbound']);
	});
});

describe('control surface', () => {
	it('GET /__sim/deliveries lists attempts; POST /__sim/deliver sends hand-made deliveries; reset clears', async () => {
		const subscription = await subscribe(['message.created']);
		await sendMessage('logged');
		await sim.delivery.settled();
		const listed = (await (await fetch(`${sim.url}/__sim/deliveries`)).json()) as {
			deliveries: Array<{ event: string; status: number; api: string }>;
		};
		expect(listed.deliveries).toEqual([
			expect.objectContaining({
				event: 'message.created',
				status: 200,
				api: 'v2',
				subscription_id: subscription.id,
			}),
		]);

		const modes: Record<string, (headers: http.IncomingHttpHeaders, body: string) => void> = {
			stale: (headers) =>
				expect(Number(headers['webhook-timestamp'])).toBeLessThan(nowSeconds() - 500),
			future: (headers) =>
				expect(Number(headers['webhook-timestamp'])).toBeGreaterThan(nowSeconds() + 500),
			unsigned: (headers) => expect(headers['webhook-signature']).toBeUndefined(),
			tampered: (_headers, body) => expect(body).toContain('"tampered":true'),
			rotated: (headers) => expect(String(headers['webhook-signature']).split(' ')).toHaveLength(2),
		};
		for (const [mode, check] of Object.entries(modes)) {
			received.length = 0;
			const response = await fetch(`${sim.url}/__sim/deliver`, {
				method: 'POST',
				body: JSON.stringify({ subscription_id: subscription.id, mode }),
			});
			expect(response.status).toBe(200);
			expect(((await response.json()) as { mode: string }).mode).toBe(mode);
			check(received[0].headers, received[0].body);
		}
		received.length = 0;
		const resent = (await (
			await fetch(`${sim.url}/__sim/deliver`, {
				method: 'POST',
				body: JSON.stringify({ mode: 'resent' }),
			})
		).json()) as { delivery_id: string };
		expect(resent.delivery_id).toBe(received[0].headers['webhook-id']);
		const forged = (await (
			await fetch(`${sim.url}/__sim/deliver`, {
				method: 'POST',
				body: JSON.stringify({ mode: 'forged' }),
			})
		).json()) as { headers: Record<string, string> };
		expect(
			verifyStandardWebhook(
				[subscription.secret],
				{
					id: forged.headers['webhook-id'],
					timestamp: forged.headers['webhook-timestamp'],
					signature: forged.headers['webhook-signature'],
					rawBody: Buffer.from(received.at(-1)!.body),
				},
				nowSeconds(),
			),
		).toBe('no-matching-signature');
		const badMode = await fetch(`${sim.url}/__sim/deliver`, {
			method: 'POST',
			body: JSON.stringify({ mode: 'sideways' }),
		});
		expect(badMode.status).toBe(400);

		const settings = await fetch(`${sim.url}/__sim/delivery-settings`, {
			method: 'PATCH',
			body: JSON.stringify({ maxAttempts: 5 }),
		});
		expect(((await settings.json()) as { maxAttempts: number }).maxAttempts).toBe(5);
		sim.delivery.configure({ maxAttempts: 4 });

		await fetch(`${sim.url}/__sim/reset`, { method: 'POST', body: '{}' });
		expect(
			((await (await fetch(`${sim.url}/__sim/deliveries`)).json()) as { deliveries: unknown[] })
				.deliveries,
		).toEqual([]);
		expect(sim.store.outbound_webhooks.size).toBe(0);
	});
});
