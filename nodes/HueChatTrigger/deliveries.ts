import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verifyChatwootWebhook, verifyStandardWebhook, type Refusal } from '../shared/signatures';
import { ALL_EVENTS } from '../shared/webhookEvents';
import { seenBefore } from './dedupe';
import { registrationForDelivery, type Api } from './subscriptions';

/**
 * One delivery from HueChat, from the raw request to at most one workflow execution:
 *   1. verify: the signature over the RAW body (never a re-serialisation) with the secret create() stored, any listed
 *      signature, compared in constant time, timestamp within 5 minutes. Anything else → 401, no execution.
 *   2. de-duplicate by delivery id (dedupe.ts): a repeat → 200, no execution.
 *   3. filter: events not selected, other inboxes, non-incoming messages when asked → 200, no execution.
 *   4. one item: {event, id, created_at, account_id, data}.
 * Every delivery is answered here (status and a short JSON body) and ends with noWebhookResponse, so n8n does not
 * answer again; refusals and skips return no workflowData (no execution). An accepted delivery is answered before
 * the execution is queued, a few milliseconds earlier than n8n would: n8n saves the static data (the seen delivery
 * ids) only when the node answered itself. When n8n answers after queueing, the execution's copy of the workflow
 * resets the "static data changed" flag first and the ids never reach the database, so another process (queue
 * mode) or a restarted one would run a re-sent event again.
 */

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function answer(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const response = context.getResponseObject();
	const payload = JSON.stringify(body);
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
	response.end(payload);
	return { noWebhookResponse: true };
}

const REFUSAL_TEXT: Record<Refusal | 'unknown-endpoint' | 'no-body', string> = {
	'missing-headers': 'Missing signature headers',
	'bad-timestamp': 'Invalid timestamp',
	stale: 'Timestamp too old',
	future: 'Timestamp in the future',
	'no-matching-signature': 'Invalid signature',
	'unknown-endpoint': 'This trigger holds no subscription for this URL: deactivate and activate the workflow again',
	'no-body': 'Request body missing',
};

interface Verified {
	api: Api;
	deliveryId: string;
	body: IDataObject;
	timestamp: number;
}

type Outcome = { verified: Verified } | { refused: keyof typeof REFUSAL_TEXT };

function verify(context: IWebhookFunctions, nowSeconds: number): Outcome {
	const staticData = context.getWorkflowStaticData('node');
	const url = context.getWebhookResourceUrl?.('default') ?? context.getNodeWebhookUrl('default');
	const registration = registrationForDelivery(staticData, url, context.getMode());
	if (!registration?.secret) return { refused: 'unknown-endpoint' };
	const rawBody = (context.getRequestObject() as unknown as { rawBody?: unknown }).rawBody;
	if (!Buffer.isBuffer(rawBody)) return { refused: 'no-body' };
	const headers = context.getHeaderData() as IDataObject;
	let deliveryId: string | undefined;
	let timestamp: string | undefined;
	let refusal: Refusal | undefined;
	if (registration.api === 'v2') {
		deliveryId = header(headers, 'webhook-id');
		timestamp = header(headers, 'webhook-timestamp');
		refusal = verifyStandardWebhook([registration.secret], { id: deliveryId, timestamp, signature: header(headers, 'webhook-signature'), rawBody }, nowSeconds);
	} else {
		deliveryId = header(headers, 'x-chatwoot-delivery');
		timestamp = header(headers, 'x-chatwoot-timestamp');
		refusal = deliveryId
			? verifyChatwootWebhook([registration.secret], { timestamp, signature: header(headers, 'x-chatwoot-signature'), rawBody }, nowSeconds)
			: 'missing-headers';
	}
	if (refusal) return { refused: refusal };
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		body = undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { refused: 'no-body' };
	return { verified: { api: registration.api, deliveryId: deliveryId as string, body: body as IDataObject, timestamp: Number(timestamp) } };
}

function dig(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), source);
}

/** The inbox an event's resource belongs to, when it has one (messages, conversations). */
function inboxOf(resource: IDataObject): number | undefined {
	for (const path of ['inbox_id', 'inbox.id', 'conversation.inbox_id', 'conversation.inbox.id']) {
		const value = dig(resource, path);
		if (value !== undefined && value !== null && value !== '') return Number(value);
	}
	return undefined;
}

/** v2 messages carry Chatwoot's integer type (0 = incoming), v1 deliveries its name. */
function isIncoming(resource: IDataObject): boolean {
	return resource.message_type === 0 || resource.message_type === 'incoming';
}

interface Item {
	event: string;
	id: string;
	created_at: string;
	account_id: number | null;
	data: IDataObject;
}

function toItem(verified: Verified): Item {
	const { api, body, deliveryId, timestamp } = verified;
	if (api === 'v2') {
		return {
			event: String(body.event ?? ''),
			id: deliveryId,
			created_at: String(body.created_at ?? new Date(timestamp * 1000).toISOString()),
			account_id: typeof body.account_id === 'number' ? body.account_id : null,
			data: (body.data ?? {}) as IDataObject,
		};
	}
	const { event, ...data } = body;
	const accountId = dig(body, 'account.id');
	return {
		event: String(event ?? ''),
		id: deliveryId,
		// Chatwoot bodies carry no event time: the signed send time stands in
		created_at: new Date(timestamp * 1000).toISOString(),
		account_id: typeof accountId === 'number' ? accountId : null,
		data,
	};
}

/** Why this event does not start the workflow, or undefined when it does. */
function skipReason(context: IWebhookFunctions, item: Item, api: Api): string | undefined {
	const selected = (context.getNodeParameter(api === 'v2' ? 'events' : 'accountEvents', []) as string[]) ?? [];
	const wanted = selected.includes(ALL_EVENTS) || selected.includes(item.event) || item.event === 'webhook.test';
	if (!wanted) return 'event not selected';
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const isMessage = /^message[._]/.test(item.event);
	if (options.onlyIncoming === true && isMessage && !isIncoming(item.data)) return 'not an incoming message';
	const inboxParameter = options.inbox as IDataObject | string | number | undefined;
	const inbox = String((typeof inboxParameter === 'object' && inboxParameter !== null ? inboxParameter.value : inboxParameter) ?? '').trim();
	if (inbox !== '') {
		const eventInbox = inboxOf(item.data);
		if (eventInbox !== undefined && String(eventInbox) !== inbox) return 'another inbox';
	}
	return undefined;
}

export function receiveDelivery(context: IWebhookFunctions): IWebhookResponseData {
	const nowSeconds = Math.floor(Date.now() / 1000);
	const outcome = verify(context, nowSeconds);
	if ('refused' in outcome) return answer(context, 401, { error: REFUSAL_TEXT[outcome.refused], reason: outcome.refused });
	const { verified } = outcome;
	const endpoint = context.getMode() === 'manual' ? 'test' : 'production';
	const trigger = `${context.getWorkflow().id ?? ''}|${context.getNode().id}`;
	if (seenBefore(trigger, context.getWorkflowStaticData('node'), `${endpoint}:${verified.deliveryId}`, nowSeconds)) {
		return answer(context, 200, { received: true, duplicate: true });
	}
	const item = toItem(verified);
	const skipped = skipReason(context, item, verified.api);
	if (skipped) return answer(context, 200, { received: true, skipped });
	return { ...answer(context, 200, { received: true }), workflowData: [[{ json: item as unknown as IDataObject }]] };
}
