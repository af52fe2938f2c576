import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verifyChatwootWebhook } from './signatures';
import { rawBodyOf } from '../shared/webhookSecurity/rawBody';
import {
	listsForeignSignature,
	TOLERANCE_SECONDS,
	verifyStandardWebhook,
	type Refusal,
} from '../shared/webhookSecurity/standardWebhooks';
import { ALL_EVENTS } from '../shared/descriptions/webhookEvents';
import { isoDatesOfEventData } from '../shared/output/dates';
import { valueAt } from '../shared/output/valueAt';
import { headerValue } from '../shared/transport/headers';
import { claimDelivery, recordRun } from './dedupe';
import {
	busyRecording,
	followRecording,
	noteStart,
	type Endpoint,
	type ServerResponse,
} from './recording';
import { itemWithTicket, startNoticeOf } from './startNotices';
import {
	adoptRotatedSecret,
	registrationForDelivery,
	verifyingSecrets,
	withLatestRotation,
	type Api,
	type Registration,
} from './subscriptions';

/**
 * One delivery from HueChat, from the raw request to exactly one workflow execution:
 *   1. verify: the signature over the RAW body (never a re-serialisation) with the secrets we hold, any listed
 *      signature, compared in constant time, timestamp within 5 minutes. Anything else → 401, no execution. A
 *      signature made with a secret we do not hold means the secret was rotated in HueChat: see adoptRotatedSecret.
 *   2. claim by delivery id (dedupe.ts): already run → 200, no execution; a copy of one still being recorded → 409,
 *      so HueChat tries again later; on no record but signed before this process's memory began (v2) → 503: HueChat's
 *      next attempt is signed anew and runs, a copy re-sent as it was never does. Before the claim, too many deliveries still being recorded by n8n → 503
 *      (recording.ts: busyRecording), also tried again later.
 *   3. filter: events not selected, other inboxes, non-incoming messages when asked → 200, no execution.
 *   4. one item: {event, id, created_at, account_id, data}.
 * Refusals, duplicates and skips are answered here (noWebhookResponse). An accepted delivery is answered by n8n, which
 * (2.x) answers only after it has recorded the execution: if it cannot (its database locked or down), HueChat gets a
 * 5xx and retries, and the claim is withdrawn so the retry runs (recording.ts). n8n 1.x answers before recording it.
 * That answer is held until the trigger node runs in the execution, in this process or on a worker, which says so
 * with a start notice to the same URL (recording.ts, startNotices.ts; answered here before anything above).
 */

function answer(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	const response = context.getResponseObject();
	const payload = JSON.stringify(body);
	response.writeHead(status, {
		...headers,
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(payload),
	});
	response.end(payload);
	return { noWebhookResponse: true };
}

const REFUSAL_TEXT: Record<Refusal | 'unknown-endpoint', string> = {
	'missing-headers': 'Missing signature headers',
	'bad-timestamp': 'Invalid timestamp',
	stale: 'Timestamp too old',
	future: 'Timestamp in the future',
	'no-matching-signature': 'Invalid signature',
	'unknown-endpoint':
		'This trigger holds no subscription for this URL: deactivate and activate the workflow again',
};

/** A foreign signature alone (the secret rotated while no delivery came) makes the trigger rotate at most this often. */
const REFUSED_ROTATION_INTERVAL_SECONDS = 10 * 60;
/** After its own rotation HueChat lists the replaced secret's signature for a day: no reason to rotate again. */
const DAY_SECONDS = 24 * 60 * 60 + TOLERANCE_SECONDS;

interface Verified {
	api: Api;
	/** The HueChat subscription the delivery came through (a new one each time the editor listens for a test event). */
	subscriptionId: string;
	deliveryId: string;
	rawBody: Buffer;
	timestamp: number;
}

type Outcome = { verified: Verified } | { refused: keyof typeof REFUSAL_TEXT };

/**
 * Standard Webhooks signatures, and the secret rotation they reveal. A delivery that verifies but also lists a
 * signature we cannot make, when the trigger has not rotated for a day, and one that verifies with none of our secrets
 * but is otherwise well formed and fresh (at most every ten minutes, as anyone can send one), make the trigger
 * rotate the secret itself (subscriptions.ts). The refused one is then retried by HueChat with the new secret.
 */
async function verifyStandard(
	context: IWebhookFunctions,
	trigger: string,
	registration: Registration,
	delivery: { id?: string; timestamp?: string; signature?: string; rawBody: Buffer },
	nowSeconds: number,
): Promise<Refusal | undefined> {
	const refusal = verifyStandardWebhook(
		verifyingSecrets(registration, nowSeconds),
		delivery,
		nowSeconds,
	);
	const sinceRotation = nowSeconds - (registration.rotatedAt ?? 0);
	const rotate =
		(refusal === undefined &&
			sinceRotation > DAY_SECONDS &&
			listsForeignSignature(verifyingSecrets(registration, nowSeconds), delivery)) ||
		(refusal === 'no-matching-signature' && sinceRotation > REFUSED_ROTATION_INTERVAL_SECONDS);
	if (rotate) {
		try {
			await adoptRotatedSecret(context, trigger, registration, nowSeconds);
		} catch (error) {
			context.logger.warn(
				`HueChat Trigger: could not rotate the webhook secret after HueChat changed it: ${(error as Error).message}`,
			);
		}
	}
	return refusal;
}

/** The URL HueChat delivers to: where the delivery came, and where workers send start notices. */
function deliveryUrl(context: IWebhookFunctions): string | undefined {
	return context.getWebhookResourceUrl?.('default') ?? context.getNodeWebhookUrl('default');
}

async function verify(
	context: IWebhookFunctions,
	trigger: string,
	nowSeconds: number,
): Promise<Outcome> {
	const staticData = context.getWorkflowStaticData('node');
	const stored = registrationForDelivery(staticData, deliveryUrl(context), context.getMode());
	if (!stored?.secret) return { refused: 'unknown-endpoint' };
	const registration = withLatestRotation(trigger, stored);
	const rawBody = await rawBodyOf(context);
	const headers = context.getHeaderData() as IDataObject;
	let deliveryId: string | undefined;
	let timestamp: string | undefined;
	let refusal: Refusal | undefined;
	if (registration.api === 'v2') {
		deliveryId = headerValue(headers, 'webhook-id');
		timestamp = headerValue(headers, 'webhook-timestamp');
		refusal = await verifyStandard(
			context,
			trigger,
			registration,
			{ id: deliveryId, timestamp, signature: headerValue(headers, 'webhook-signature'), rawBody },
			nowSeconds,
		);
	} else {
		deliveryId = headerValue(headers, 'x-chatwoot-delivery');
		timestamp = headerValue(headers, 'x-chatwoot-timestamp');
		refusal = deliveryId
			? verifyChatwootWebhook(
					[registration.secret],
					{ timestamp, signature: headerValue(headers, 'x-chatwoot-signature'), rawBody },
					nowSeconds,
				)
			: 'missing-headers';
	}
	if (refusal) return { refused: refusal };
	return {
		verified: {
			api: registration.api,
			subscriptionId: String(registration.id),
			deliveryId: deliveryId as string,
			rawBody,
			timestamp: Number(timestamp),
		},
	};
}

/** The JSON object a genuine delivery carries, or undefined: HueChat always sends one, so anything else is unusable. */
function parseBody(rawBody: Buffer): IDataObject | undefined {
	try {
		const body: unknown = JSON.parse(rawBody.toString('utf8'));
		return body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

/** The inbox an event's resource belongs to, when it has one (messages, conversations). */
function inboxOf(resource: IDataObject): number | undefined {
	for (const path of ['inbox_id', 'inbox.id', 'conversation.inbox_id', 'conversation.inbox.id']) {
		const value = valueAt(resource, path);
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

function toItem(verified: Verified, body: IDataObject): Item {
	const { api, deliveryId, timestamp } = verified;
	if (api === 'v2') {
		const event = String(body.event ?? '');
		return {
			event,
			id: deliveryId,
			created_at: String(body.created_at ?? new Date(timestamp * 1000).toISOString()),
			account_id: typeof body.account_id === 'number' ? body.account_id : null,
			data: isoDatesOfEventData(event, (body.data ?? {}) as IDataObject),
		};
	}
	const { event, ...data } = body;
	const accountId = valueAt(body, 'account.id');
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
	const selected =
		(context.getNodeParameter(api === 'v2' ? 'events' : 'accountEvents', []) as string[]) ?? [];
	const wanted =
		selected.includes(ALL_EVENTS) || selected.includes(item.event) || item.event === 'webhook.test';
	if (!wanted) return 'event not selected';
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const isMessage = /^message[._]/.test(item.event);
	if (options.onlyIncoming === true && isMessage && !isIncoming(item.data))
		return 'not an incoming message';
	const inboxParameter = options.inbox as IDataObject | string | number | undefined;
	const inbox = String(
		(typeof inboxParameter === 'object' && inboxParameter !== null
			? inboxParameter.value
			: inboxParameter) ?? '',
	).trim();
	if (inbox !== '') {
		const eventInbox = inboxOf(item.data);
		if (eventInbox !== undefined && String(eventInbox) !== inbox) return 'another inbox';
	}
	return undefined;
}

/**
 * Listening for a test event shows one event: n8n ends the listening after the first test execution, but only once it
 * has deleted the test subscription (our delete), and an event arriving meanwhile starts a second test execution that
 * the panel shows instead. On a published workflow that is typically what the published run just did (its answer to
 * the message being tested). So each test subscription starts one execution; later deliveries to it are acknowledged
 * and skipped. Subscription ids are kept for the process's most recent test listenings only.
 */
const testSubscriptionsUsed = new Set<string>();
const MAX_TEST_SUBSCRIPTIONS_KEPT = 1_000;

function takeTestEvent(trigger: string, subscriptionId: string): boolean {
	const key = `${trigger}|${subscriptionId}`;
	if (testSubscriptionsUsed.has(key)) return false;
	testSubscriptionsUsed.add(key);
	if (testSubscriptionsUsed.size > MAX_TEST_SUBSCRIPTIONS_KEPT)
		testSubscriptionsUsed.delete(testSubscriptionsUsed.values().next().value as string);
	return true;
}

/**
 * A worker's notice that the execution of a delivery this process received has started (startNotices.ts): answered
 * with whether that execution runs the event (only its first start does). The token is unguessable and known to the
 * process that received the delivery alone; one this process does not hold runs (recording.ts, noteStart).
 */
function answerStartNotice(
	context: IWebhookFunctions,
	trigger: string,
	notice: { token: string; run: string },
	nowSeconds: number,
): IWebhookResponseData {
	const noted = noteStart(trigger, endpointOf(context), notice);
	if (noted.recordAsRun)
		recordRun(trigger, context.getWorkflowStaticData('node'), noted.recordAsRun, nowSeconds);
	return answer(context, 200, { run: noted.run });
}

function endpointOf(context: IWebhookFunctions): Endpoint {
	return context.getMode() === 'manual' ? 'test' : 'production';
}

export async function receiveDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const nowSeconds = Math.floor(Date.now() / 1000);
	const trigger = `${context.getWorkflow().id ?? ''}|${context.getNode().id}`;
	const startNotice = startNoticeOf(context.getHeaderData() as IDataObject);
	if (startNotice !== undefined)
		return answerStartNotice(context, trigger, startNotice, nowSeconds);
	const outcome = await verify(context, trigger, nowSeconds);
	if ('refused' in outcome)
		return answer(context, 401, { error: REFUSAL_TEXT[outcome.refused], reason: outcome.refused });
	const { verified } = outcome;
	const body = parseBody(verified.rawBody);
	if (!body) {
		// genuine but unusable: a refusal would only be retried for a day, so it is acknowledged and reported
		context.logger.warn(
			`HueChat Trigger: delivery ${verified.deliveryId} is signed correctly but its body is not a JSON object; it was not run`,
		);
		return answer(context, 200, { received: true, ignored: 'the body is not a JSON object' });
	}
	if (busyRecording())
		return answer(
			context,
			503,
			{ error: 'n8n is still recording earlier events; try again later', reason: 'busy' },
			{ 'retry-after': '5' },
		);
	const endpoint = endpointOf(context);
	const staticData = context.getWorkflowStaticData('node');
	const claimKey = `${endpoint}:${verified.deliveryId}`;
	const claim = claimDelivery(
		trigger,
		staticData,
		claimKey,
		nowSeconds,
		// v1 account webhooks are never retried (Chatwoot): a delivery asked for again would be lost
		verified.api === 'v2' ? verified.timestamp : undefined,
	);
	if (claim.verdict === 'duplicate')
		return answer(context, 200, { received: true, duplicate: true });
	if (claim.verdict === 'signed-before-memory')
		return answer(
			context,
			503,
			{
				error:
					'This delivery was signed before this n8n process started and its id is on no record; send it again',
				reason: 'signed-before-restart',
			},
			{ 'retry-after': '5' },
		);
	if (claim.verdict === 'in-progress')
		return answer(context, 409, {
			error: 'This event is being recorded; try again later',
			reason: 'in-progress',
		});
	const item = toItem(verified, body);
	const skipped =
		skipReason(context, item, verified.api) ??
		(endpoint === 'test' && !takeTestEvent(trigger, verified.subscriptionId)
			? 'this test listening already received its event'
			: undefined);
	if (skipped) {
		claim.settle(true);
		return answer(context, 200, { received: true, skipped });
	}
	const json = item as unknown as IDataObject;
	const token = followRecording(
		staticData,
		context.getResponseObject() as unknown as ServerResponse,
		claim.settle,
		{ trigger, endpoint, claimKey },
		(message) => context.logger.warn(message),
	);
	return { workflowData: [[itemWithTicket(json, deliveryUrl(context), token)]] };
}
