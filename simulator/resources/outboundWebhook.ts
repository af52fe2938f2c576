// v2 outbound webhook subscriptions (docs/contract.md §3, §4). Deliveries: ../delivery.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import type { OutboundWebhookRecord } from '../store.ts';
import { outboundWebhookView } from '../views.ts';

/** The old secret keeps signing (a second signature) this long after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

interface OutboundWebhookInput {
	url?: string;
	events?: string[];
	description?: string | null;
	active?: boolean;
}

export function newWebhookSecret(): string {
	return `whsec_${randomBytes(32).toString('base64')}`;
}

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

/** https anywhere, plain http only on this machine (the contract's rule for subscription URLs). */
export function urlProblem(raw: string, allowHttpAnywhere = false): string | undefined {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return 'is not a valid URL';
	}
	if (url.protocol === 'https:') return undefined;
	if (url.protocol === 'http:' && (allowHttpAnywhere || LOOPBACK.test(url.hostname)))
		return undefined;
	return allowHttpAnywhere
		? 'must be an http or https URL'
		: 'must use https (plain http is allowed only for localhost)';
}

/** `*` alone stands for every event; repeated names count once. */
function normalizeEvents(events: string[]): string[] {
	return events.includes('*') ? ['*'] : [...new Set(events)];
}

function inputProblems(input: OutboundWebhookInput): ErrorDetails {
	const details: ErrorDetails = {};
	if (input.url !== undefined) {
		const problem = urlProblem(input.url);
		if (problem) details.url = [problem];
	}
	return details;
}

function find(context: HandlerContext): OutboundWebhookRecord {
	const id = String(context.params.webhook_id);
	const webhook = context.store.outbound_webhooks.get(id);
	if (!webhook || webhook.account_id !== context.accountId)
		throw notFound(`Outbound webhook ${id} not found`);
	return webhook;
}

function isoNow(): string {
	return new Date().toISOString();
}

function getMany(context: HandlerContext) {
	const page = Number(context.query.page ?? 1);
	const perPage = Number(context.query.per_page ?? 25);
	const all = [...context.store.outbound_webhooks.values()].filter(
		(webhook) => webhook.account_id === context.accountId,
	);
	const start = (page - 1) * perPage;
	return ok({
		data: all.slice(start, start + perPage).map((webhook) => outboundWebhookView(webhook)),
		meta: {
			page,
			per_page: perPage,
			total_count: all.length,
			total_pages: Math.ceil(all.length / perPage),
		},
	});
}

function create(context: HandlerContext) {
	const input = context.body as OutboundWebhookInput;
	const details = inputProblems(input);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	const now = isoNow();
	const webhook: OutboundWebhookRecord = {
		id: randomUUID(),
		account_id: context.accountId,
		url: input.url as string,
		events: normalizeEvents(input.events ?? []),
		description: input.description ?? null,
		active: input.active ?? true,
		secret: newWebhookSecret(),
		previous_secret: null,
		previous_secret_expires_at: null,
		created_at: now,
		updated_at: now,
		last_delivery_at: null,
		failure_count: 0,
	};
	context.store.outbound_webhooks.set(webhook.id, webhook);
	context.store.changed('outbound_webhooks');
	return created(outboundWebhookView(webhook, { withSecret: true }));
}

function get(context: HandlerContext) {
	return ok(outboundWebhookView(find(context)));
}

function update(context: HandlerContext) {
	const webhook = find(context);
	const input = context.body as OutboundWebhookInput;
	const details = inputProblems(input);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	const patch: Partial<OutboundWebhookRecord> = {};
	if (input.url !== undefined) patch.url = input.url;
	if (input.events !== undefined) patch.events = normalizeEvents(input.events);
	if (input.description !== undefined) patch.description = input.description;
	if (input.active !== undefined) {
		patch.active = input.active;
		// re-enabling a subscription (also one disabled after failures) starts its failure count afresh
		if (input.active) patch.failure_count = 0;
	}
	if (Object.keys(patch).length > 0) {
		Object.assign(webhook, patch, { updated_at: isoNow() });
		context.store.changed('outbound_webhooks');
	}
	return ok(outboundWebhookView(webhook));
}

function remove(context: HandlerContext) {
	const webhook = find(context);
	context.store.outbound_webhooks.delete(webhook.id);
	context.store.changed('outbound_webhooks');
	return noContent();
}

function rotateSecret(context: HandlerContext) {
	const webhook = find(context);
	Object.assign(webhook, {
		previous_secret: webhook.secret,
		previous_secret_expires_at: Date.now() + ROTATION_OVERLAP_MS,
		secret: newWebhookSecret(),
		updated_at: isoNow(),
	});
	context.store.changed('outbound_webhooks');
	return ok(outboundWebhookView(webhook, { withSecret: true }));
}

/** Delivers a `webhook.test` event (whose data is the subscription) to this subscription only, now. */
function sendTest(context: HandlerContext) {
	const webhook = find(context);
	context.emit('webhook.test', outboundWebhookView(webhook));
	return {
		status: 202,
		body: { event: 'webhook.test', outbound_webhook_id: webhook.id, queued: true },
	};
}

export const outboundWebhookHandlers: HandlerMap = {
	'outboundWebhook.getMany': getMany,
	'outboundWebhook.create': create,
	'outboundWebhook.get': get,
	'outboundWebhook.update': update,
	'outboundWebhook.delete': remove,
	'outboundWebhook.rotateSecret': rotateSecret,
	'outboundWebhook.sendTest': sendTest,
};
