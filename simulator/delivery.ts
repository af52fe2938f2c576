// Webhook delivery, for real: every domain event a handler raises (events.ts) is POSTed, signed, to each matching
// subscription of the account over a real HTTP connection, and retried with exponential backoff while the
// receiver answers non-2xx or does not answer.
//   v2 outbound webhooks (docs/contract.md §4): body {id, event, created_at, account_id, data}; Standard Webhooks headers
//      webhook-id (the event id, the same on every retry), webhook-timestamp, webhook-signature
//      (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, both secrets' signatures during a rotation),
//      user-agent HueChat-Webhooks/2.
//   v1 account webhooks (docs/chatwoot-v1.md §6): Chatwoot event names and bodies (chatwootPayloads.ts); headers
//      X-Chatwoot-Signature (`sha256=<hex HMAC of "timestamp.body">`), X-Chatwoot-Timestamp, X-Chatwoot-Delivery.
// Every attempt is logged (GET /__sim/deliveries). POST /__sim/deliver sends one hand-made delivery (forged,
// tampered, stale, future, unsigned, re-sent, rotated) to a subscription, without retries. Only loopback receivers
// are contacted unless `allowRemote` is set.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { ChangeTracker, chatwootBody, forgetDeleted } from './chatwootPayloads.ts';
import type { DomainEvent, EventBus } from './events.ts';
import type { AccountWebhookRecord, OutboundWebhookRecord, Store } from './store.ts';
import { outboundWebhookView } from './views.ts';
import { V1_EVENT_FOR, V1_EVENTS, isV2Event } from './webhookEvents.ts';

export interface DeliveryOptions {
	/** Delay before the first retry; doubles with every attempt (default 1,000 ms; tests use a few ms). */
	retryBaseMs?: number;
	/** Ceiling of one retry delay (default 60,000 ms). */
	retryMaxMs?: number;
	/** Attempts per delivery, the first included (default 8). HueChat keeps trying for 24 h; the simulator stops here. */
	maxAttempts?: number;
	/** A receiver must answer within this (default 10,000 ms, the contract's window). */
	timeoutMs?: number;
	/** Also deliver to hosts other than this machine (default false). */
	allowRemote?: boolean;
}

export type DeliveryMode =
	| 'event'
	| 'valid'
	| 'forged'
	| 'tampered'
	| 'stale'
	| 'future'
	| 'unsigned'
	| 'resent'
	| 'rotated';

/** Deliveries HueChat itself would send: the ones `resent` may repeat. */
const GENUINE_MODES: readonly DeliveryMode[] = ['event', 'valid', 'resent', 'rotated'];

/** Modes POST /__sim/deliver accepts. */
export const CONTROL_MODES: readonly DeliveryMode[] = [
	'valid',
	'forged',
	'tampered',
	'stale',
	'future',
	'unsigned',
	'resent',
	'rotated',
];

export interface DeliveryAttempt {
	seq: number;
	/** Epoch ms when the attempt was sent. */
	time: number;
	api: 'v2' | 'v1';
	subscription_id: string | number;
	url: string;
	event: string;
	/** v2: the event id (webhook-id); v1: X-Chatwoot-Delivery. The same on every retry. */
	delivery_id: string;
	attempt: number;
	mode: DeliveryMode;
	headers: Record<string, string>;
	body: string;
	/** The receiver's status; null when it did not answer (see error) or was not contacted. */
	status: number | null;
	error: string | null;
	duration_ms: number | null;
	/** Epoch ms of the next retry, when one is scheduled after this attempt. */
	next_retry_at: number | null;
}

export interface DeliverSpec {
	/** The subscription: a v2 UUID or a v1 integer id (default: the newest subscription of the account). */
	subscription_id?: string | number;
	mode: DeliveryMode;
	/** Event name (default `webhook.test` for v2, the subscription's first event for v1). */
	event?: string;
	/** The event's data (default: the subscription for v2, `{}` for v1). */
	data?: Record<string, unknown>;
	/** For `resent`: the delivery to send again (default: the subscription's latest genuine delivery). */
	delivery_id?: string;
	accountId?: number;
}

interface Job {
	api: 'v2' | 'v1';
	subscriptionId: string | number;
	event: string;
	deliveryId: string;
	body: string;
	attempt: number;
	mode: DeliveryMode;
}

const DELIVERY_LOG_LIMIT = 20_000;
const RESPONSE_SNIPPET = 300;
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|::1)$/i;

function signStandard(secret: string, id: string, timestamp: string, body: string): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function signChatwoot(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

/**
 * The wait before attempt `attempt + 1`: exponential backoff with jitter, a random point in the second half of the
 * interval, as senders do so that deliveries refused together (n8n down for a minute) do not all come back at the
 * same moment and refuse each other again.
 */
export function retryDelay(
	attempt: number,
	{ retryBaseMs, retryMaxMs }: Pick<Required<DeliveryOptions>, 'retryBaseMs' | 'retryMaxMs'>,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export class WebhookDelivery {
	private readonly store: Store;
	private readonly options: Required<DeliveryOptions>;
	private readonly tracker = new ChangeTracker();
	private readonly agent = new http.Agent({ keepAlive: true });
	private readonly secureAgent = new https.Agent({ keepAlive: true });
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly unsubscribe: () => void;
	private entries: DeliveryAttempt[] = [];
	private lastSeq = 0;
	private inFlight = 0;
	private waiters: Array<() => void> = [];
	private closed = false;

	constructor(store: Store, events: EventBus, options: DeliveryOptions = {}) {
		this.store = store;
		this.options = {
			retryBaseMs: options.retryBaseMs ?? 1_000,
			retryMaxMs: options.retryMaxMs ?? 60_000,
			maxAttempts: options.maxAttempts ?? 8,
			timeoutMs: options.timeoutMs ?? 10_000,
			allowRemote: options.allowRemote ?? false,
		};
		this.unsubscribe = events.on((event) => this.dispatch(event));
	}

	/** Changes delivery settings at run time (tests shorten the backoff). */
	configure(options: DeliveryOptions): Required<DeliveryOptions> {
		for (const [key, value] of Object.entries(options)) {
			if (value === undefined) continue;
			if (key === 'allowRemote') this.options.allowRemote = Boolean(value);
			else if (key in this.options && Number.isFinite(Number(value)) && Number(value) >= 0) {
				(this.options as unknown as Record<string, number>)[key] = Number(value);
			} else throw new Error(`unknown or invalid delivery option ${key}`);
		}
		return { ...this.options };
	}

	/** Attempts with seq > since, oldest first, optionally of one subscription. */
	log(since = 0, subscriptionId?: string | number): DeliveryAttempt[] {
		return this.entries
			.filter(
				(entry) =>
					entry.seq > since &&
					(subscriptionId === undefined ||
						String(entry.subscription_id) === String(subscriptionId)),
			)
			.map((entry) => structuredClone(entry));
	}

	clearLog(): void {
		this.entries = [];
	}

	/** Forgets the log and drops scheduled retries (control reset). */
	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.entries = [];
		this.tracker.clear();
		this.notifyIfIdle();
	}

	/** Resolves once nothing is in flight and no retry is scheduled. */
	async settled(): Promise<void> {
		if (this.inFlight === 0 && this.timers.size === 0) return;
		await new Promise<void>((resolve) => this.waiters.push(resolve));
	}

	close(): void {
		this.closed = true;
		this.unsubscribe();
		this.reset();
		this.agent.destroy();
		this.secureAgent.destroy();
	}

	// ---- events → deliveries ---------------------------------------------------------------------

	private dispatch(event: DomainEvent): void {
		if (this.closed) return;
		this.dispatchV2(event);
		this.dispatchV1(event);
		forgetDeleted(this.tracker, event);
	}

	private dispatchV2(event: DomainEvent): void {
		let targets: OutboundWebhookRecord[];
		if (event.name === 'webhook.test') {
			const id = (event.data as { id?: unknown } | null)?.id;
			const webhook = typeof id === 'string' ? this.store.outbound_webhooks.get(id) : undefined;
			targets = webhook && webhook.account_id === event.accountId ? [webhook] : [];
		} else {
			if (!isV2Event(event.name)) return;
			targets = [...this.store.outbound_webhooks.values()].filter(
				(webhook) =>
					webhook.account_id === event.accountId &&
					webhook.active &&
					(webhook.events.includes('*') || webhook.events.includes(event.name)),
			);
		}
		if (targets.length === 0) return;
		const id = randomUUID();
		const body = JSON.stringify({
			id,
			event: event.name,
			created_at: new Date().toISOString(),
			account_id: event.accountId,
			data: event.data,
		});
		for (const webhook of targets) {
			void this.run({
				api: 'v2',
				subscriptionId: webhook.id,
				event: event.name,
				deliveryId: id,
				body,
				attempt: 1,
				mode: 'event',
			});
		}
	}

	private dispatchV1(event: DomainEvent): void {
		const v1Name = V1_EVENT_FOR[event.name];
		if (!v1Name) return;
		const targets = [...this.store.account_webhooks.values()].filter(
			(webhook) => webhook.account_id === event.accountId && webhook.subscriptions.includes(v1Name),
		);
		if (targets.length === 0) return;
		const payload = chatwootBody(this.store, this.tracker, event, v1Name);
		if (!payload) return;
		const body = JSON.stringify(payload);
		const inboxId = inboxOf(payload);
		for (const webhook of targets) {
			if (webhook.inbox_id !== null && inboxId !== undefined && webhook.inbox_id !== inboxId)
				continue;
			// Chatwoot makes the delivery id when it enqueues the job: one per subscription, kept across retries
			void this.run({
				api: 'v1',
				subscriptionId: webhook.id,
				event: v1Name,
				deliveryId: randomUUID(),
				body,
				attempt: 1,
				mode: 'event',
			});
		}
	}

	// ---- attempts ----------------------------------------------------------------------------------

	private subscription(
		api: 'v2' | 'v1',
		id: string | number,
	): OutboundWebhookRecord | AccountWebhookRecord | undefined {
		return api === 'v2'
			? this.store.outbound_webhooks.get(String(id))
			: this.store.account_webhooks.get(Number(id));
	}

	/** The secrets that sign a v2 delivery now: the current one, and the previous one during a rotation. */
	private signingSecrets(webhook: OutboundWebhookRecord): string[] {
		const secrets = [webhook.secret];
		if (webhook.previous_secret && (webhook.previous_secret_expires_at ?? 0) > Date.now())
			secrets.push(webhook.previous_secret);
		return secrets;
	}

	private genuineHeaders(
		job: Job,
		webhook: OutboundWebhookRecord | AccountWebhookRecord,
		timestamp: number,
	): Record<string, string> {
		const ts = String(timestamp);
		if (job.api === 'v2') {
			const signatures = this.signingSecrets(webhook as OutboundWebhookRecord).map((secret) =>
				signStandard(secret, job.deliveryId, ts, job.body),
			);
			return {
				'content-type': 'application/json',
				'user-agent': 'HueChat-Webhooks/2',
				'webhook-id': job.deliveryId,
				'webhook-timestamp': ts,
				'webhook-signature': signatures.join(' '),
			};
		}
		return {
			'content-type': 'application/json',
			accept: 'application/json',
			'user-agent': 'HueChat-Webhooks/1',
			'x-chatwoot-delivery': job.deliveryId,
			'x-chatwoot-timestamp': ts,
			'x-chatwoot-signature': signChatwoot(webhook.secret, ts, job.body),
		};
	}

	/** Headers and body of an attempt in the job's mode: genuine, or one of the hand-made bad deliveries. */
	private build(
		job: Job,
		webhook: OutboundWebhookRecord | AccountWebhookRecord,
	): { headers: Record<string, string>; body: string } {
		const now = nowSeconds();
		switch (job.mode) {
			case 'stale':
				return { headers: this.genuineHeaders(job, webhook, now - 600), body: job.body };
			case 'future':
				return { headers: this.genuineHeaders(job, webhook, now + 600), body: job.body };
			case 'tampered': {
				const headers = this.genuineHeaders(job, webhook, now);
				return { headers, body: job.body.replace(/}$/, ',"tampered":true}') };
			}
			case 'forged': {
				const fake =
					job.api === 'v2'
						? {
								...webhook,
								secret: `whsec_${randomBytes(32).toString('base64')}`,
								previous_secret: null,
							}
						: { ...webhook, secret: randomBytes(24).toString('hex') };
				return {
					headers: this.genuineHeaders(job, fake as OutboundWebhookRecord, now),
					body: job.body,
				};
			}
			case 'unsigned': {
				const headers = this.genuineHeaders(job, webhook, now);
				for (const name of [
					'webhook-signature',
					'webhook-timestamp',
					'x-chatwoot-signature',
					'x-chatwoot-timestamp',
				])
					delete headers[name];
				return { headers, body: job.body };
			}
			case 'rotated': {
				// a rotation in progress: the new secret's signature first, then the one the receiver knows
				const headers = this.genuineHeaders(job, webhook, now);
				const fresh = `whsec_${randomBytes(32).toString('base64')}`;
				headers['webhook-signature'] =
					`${signStandard(fresh, job.deliveryId, headers['webhook-timestamp'], job.body)} ${headers['webhook-signature']}`;
				return { headers, body: job.body };
			}
			default:
				return { headers: this.genuineHeaders(job, webhook, now), body: job.body };
		}
	}

	private record(entry: Omit<DeliveryAttempt, 'seq'>): DeliveryAttempt {
		const recorded: DeliveryAttempt = { seq: ++this.lastSeq, ...entry };
		this.entries.push(recorded);
		if (this.entries.length > DELIVERY_LOG_LIMIT)
			this.entries.splice(0, this.entries.length - DELIVERY_LOG_LIMIT);
		return recorded;
	}

	/** One attempt; schedules the next on failure when `retry` (events) and attempts remain. */
	private async run(job: Job, retry = job.mode === 'event'): Promise<DeliveryAttempt | undefined> {
		const webhook = this.subscription(job.api, job.subscriptionId);
		if (!webhook || this.closed) return undefined; // deleted meanwhile: HueChat stops delivering
		const { headers, body } = this.build(job, webhook);
		const entry = this.record({
			time: Date.now(),
			api: job.api,
			subscription_id: job.subscriptionId,
			url: webhook.url,
			event: job.event,
			delivery_id: job.deliveryId,
			attempt: job.attempt,
			mode: job.mode,
			headers,
			body,
			status: null,
			error: null,
			duration_ms: null,
			next_retry_at: null,
		});
		this.inFlight += 1;
		try {
			const started = Date.now();
			const result = await this.post(webhook.url, headers, body);
			entry.duration_ms = Date.now() - started;
			entry.status = result.status;
			entry.error = result.error;
			const delivered = result.status !== null && result.status >= 200 && result.status < 300;
			if (job.mode === 'event') this.bookkeep(job, delivered);
			if (!delivered && retry && job.attempt < this.options.maxAttempts && !this.closed) {
				const delay = retryDelay(job.attempt, this.options);
				entry.next_retry_at = Date.now() + delay;
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					void this.run({ ...job, attempt: job.attempt + 1 }).finally(() => this.notifyIfIdle());
				}, delay);
				timer.unref();
				this.timers.add(timer);
			}
		} finally {
			this.inFlight -= 1;
			this.notifyIfIdle();
		}
		return structuredClone(entry);
	}

	/** v2 subscriptions remember their last success and count deliveries that failed for good. */
	private bookkeep(job: Job, delivered: boolean): void {
		if (job.api !== 'v2') return;
		const webhook = this.store.outbound_webhooks.get(String(job.subscriptionId));
		if (!webhook) return;
		if (delivered) {
			webhook.last_delivery_at = new Date().toISOString();
			webhook.failure_count = 0;
		} else if (job.attempt >= this.options.maxAttempts) {
			webhook.failure_count += 1;
		}
	}

	private notifyIfIdle(): void {
		if (this.inFlight !== 0 || this.timers.size !== 0) return;
		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) resolve();
	}

	private post(
		rawUrl: string,
		headers: Record<string, string>,
		body: string,
	): Promise<{ status: number | null; error: string | null }> {
		let url: URL;
		try {
			url = new URL(rawUrl);
		} catch {
			return Promise.resolve({ status: null, error: 'invalid URL' });
		}
		if (!this.options.allowRemote && !LOOPBACK.test(url.hostname)) {
			return Promise.resolve({
				status: null,
				error: `not delivered: ${url.hostname} is not this machine (simulator option allowRemote)`,
			});
		}
		const client = url.protocol === 'https:' ? https : http;
		const agent = url.protocol === 'https:' ? this.secureAgent : this.agent;
		const payload = Buffer.from(body);
		return new Promise((resolve) => {
			const request = client.request(
				url,
				{
					method: 'POST',
					agent,
					headers: { ...headers, 'content-length': String(payload.length) },
				},
				(response) => {
					let received = '';
					response.setEncoding('utf8');
					response.on('data', (chunk: string) => {
						if (received.length < RESPONSE_SNIPPET) received += chunk;
					});
					response.on('end', () => {
						const status = response.statusCode ?? null;
						const ok = status !== null && status >= 200 && status < 300;
						resolve({ status, error: ok ? null : received.slice(0, RESPONSE_SNIPPET) || null });
					});
					response.on('error', (error) =>
						resolve({ status: response.statusCode ?? null, error: error.message }),
					);
				},
			);
			request.setTimeout(this.options.timeoutMs, () =>
				request.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)),
			);
			request.on('error', (error) => resolve({ status: null, error: error.message }));
			request.end(payload);
		});
	}

	// ---- hand-made deliveries (control) -------------------------------------------------------------

	/** Sends one delivery in `spec.mode` to a subscription now, without retries, and answers its log entry. */
	async deliver(spec: DeliverSpec): Promise<DeliveryAttempt> {
		if (!CONTROL_MODES.includes(spec.mode))
			throw new Error(`mode must be one of: ${CONTROL_MODES.join(', ')}`);
		const accountId = spec.accountId ?? 1;
		const found = this.findSubscription(spec.subscription_id, accountId);
		if (!found)
			throw new Error(
				spec.subscription_id === undefined
					? 'the account has no webhook subscription'
					: `no subscription ${String(spec.subscription_id)}`,
			);
		const { api, webhook } = found;
		if (spec.mode === 'rotated' && api === 'v1')
			throw new Error(
				'rotated deliveries exist only for v2 outbound webhooks (Chatwoot signs with one secret)',
			);
		let job: Job;
		if (spec.mode === 'resent') {
			const previous = [...this.entries]
				.reverse()
				.find(
					(entry) =>
						String(entry.subscription_id) === String(webhook.id) &&
						(spec.delivery_id === undefined || entry.delivery_id === spec.delivery_id) &&
						GENUINE_MODES.includes(entry.mode),
				);
			if (!previous)
				throw new Error('nothing to re-send: no earlier delivery to this subscription');
			job = {
				api,
				subscriptionId: webhook.id,
				event: previous.event,
				deliveryId: previous.delivery_id,
				body: previous.body,
				attempt: previous.attempt + 1,
				mode: 'resent',
			};
		} else if (api === 'v2') {
			const event = spec.event ?? 'webhook.test';
			const id = randomUUID();
			const data = spec.data ?? outboundWebhookView(webhook as OutboundWebhookRecord);
			const body = JSON.stringify({
				id,
				event,
				created_at: new Date().toISOString(),
				account_id: accountId,
				data,
			});
			job = {
				api,
				subscriptionId: webhook.id,
				event,
				deliveryId: id,
				body,
				attempt: 1,
				mode: spec.mode,
			};
		} else {
			const event =
				spec.event ?? (webhook as AccountWebhookRecord).subscriptions[0] ?? V1_EVENTS[0];
			const body = JSON.stringify({ event, ...(spec.data ?? {}) });
			job = {
				api,
				subscriptionId: webhook.id,
				event,
				deliveryId: randomUUID(),
				body,
				attempt: 1,
				mode: spec.mode,
			};
		}
		const entry = await this.run(job, false);
		if (!entry) throw new Error('the subscription disappeared');
		return entry;
	}

	private findSubscription(
		id: string | number | undefined,
		accountId: number,
	): { api: 'v2' | 'v1'; webhook: OutboundWebhookRecord | AccountWebhookRecord } | undefined {
		if (id === undefined) {
			const v2 = [...this.store.outbound_webhooks.values()]
				.filter((webhook) => webhook.account_id === accountId)
				.at(-1);
			if (v2) return { api: 'v2', webhook: v2 };
			const v1 = [...this.store.account_webhooks.values()]
				.filter((webhook) => webhook.account_id === accountId)
				.at(-1);
			return v1 ? { api: 'v1', webhook: v1 } : undefined;
		}
		const v2 = this.store.outbound_webhooks.get(String(id));
		if (v2) return { api: 'v2', webhook: v2 };
		const v1 = /^\d+$/.test(String(id)) ? this.store.account_webhooks.get(Number(id)) : undefined;
		return v1 ? { api: 'v1', webhook: v1 } : undefined;
	}
}

function inboxOf(payload: Record<string, unknown>): number | undefined {
	const direct = payload.inbox_id;
	if (typeof direct === 'number') return direct;
	const inbox = payload.inbox as { id?: unknown } | null | undefined;
	return typeof inbox?.id === 'number' ? inbox.id : undefined;
}

export interface DeliveryControlResponse {
	status: number;
	body?: unknown;
}

/**
 * The HTTP control surface of deliveries (`/__sim/<rest>`), or undefined when `rest` is not one of these:
 *   GET    /__sim/deliveries?since=<seq>&subscription_id=<id>   {deliveries: [...]}
 *   DELETE /__sim/deliveries                                    204
 *   POST   /__sim/deliver   {subscription_id?, mode, event?, data?, delivery_id?}  → 200 the attempt (its status is the receiver's)
 *   GET    /__sim/delivery-settings                             the options
 *   PATCH  /__sim/delivery-settings {retryBaseMs?, retryMaxMs?, maxAttempts?, timeoutMs?, allowRemote?}
 */
export async function handleDeliveryControl(
	delivery: WebhookDelivery,
	method: string,
	rest: string,
	query: URLSearchParams,
	body: unknown,
): Promise<DeliveryControlResponse | undefined> {
	const route = `${method.toUpperCase()} ${rest.replace(/\/+$/, '')}`;
	const input =
		body !== null && typeof body === 'object' && !Array.isArray(body)
			? (body as Record<string, unknown>)
			: {};
	try {
		switch (route) {
			case 'GET deliveries': {
				const since = query.get('since');
				const subscription = query.get('subscription_id');
				return {
					status: 200,
					body: {
						deliveries: delivery.log(since === null ? 0 : Number(since), subscription ?? undefined),
					},
				};
			}
			case 'DELETE deliveries':
				delivery.clearLog();
				return { status: 204 };
			case 'POST deliver':
				return { status: 200, body: await delivery.deliver(input as unknown as DeliverSpec) };
			case 'GET delivery-settings':
				return { status: 200, body: delivery.configure({}) };
			case 'PATCH delivery-settings':
				return { status: 200, body: delivery.configure(input as DeliveryOptions) };
			default:
				return undefined;
		}
	} catch (error) {
		return { status: 400, body: { error: (error as Error).message } };
	}
}
