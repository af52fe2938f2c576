import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { collectionHead, collectionName, showFor } from '../../../shared/descriptions/builders';
import { CREDENTIAL_TYPE, accountPath } from '../../../shared/transport/api';
import { downloadAttachments } from '../../../shared/transport/attachments';
import { headerValue } from '../../../shared/transport/headers';
import { itemContext } from '../../../shared/transport/itemContext';
import { apiRequest } from '../../../shared/transport/request';
import { rawBodyOf } from '../../../shared/webhookSecurity/rawBody';
import { seal, unseal } from '../../../shared/webhookSecurity/seal';
import { verifyStandardWebhook } from '../../../shared/webhookSecurity/standardWebhooks';
import {
	contactNameField,
	contactTargetProperties,
	findContactConversation,
	inboxIdCheck,
} from '../../../shared/upsert/contactConversation';
import { checkMatch, readMatch } from '../../../shared/upsert/contactLookup';
import { checkFields } from '../../../shared/validation/checks';
import { takeRefusal } from '../../../shared/validation/refusals';
import {
	applyMessageExtras,
	attachmentsField,
	messageTemplateFields,
	readMessageExtras,
} from './body';
import { attachmentDownloadOptions, messageConversationLocator } from './message';
import { optionalTemplateIdCheck } from '../../../shared/templates/fields';
import {
	conversationNumber,
	failedBeforeWaiting,
	limitWaitTimeOption,
	waitLimit,
	waitUntil,
} from './waiting';

/**
 * Message → Send and Wait for Reply: the node sends a message to the contact, into a conversation or to a contact
 * found or created the way Send to Contact does (its open conversation in the inbox, or a new one), then the
 * execution waits for the contact's next message in that conversation and continues with it.
 *
 * HueChat reaches the waiting execution through a v2 subscription of its own (`message.created`), made for this wait,
 * whose URL is this execution's waiting webhook. The subscription's signing secret comes back only once the URL is
 * given, and the URL is stored in HueChat, so the secret travels in the URL sealed (`w`: secret, subscription,
 * conversation and the sent message, see shared/webhookSecurity/seal.ts): `replyWebhook` unseals it and verifies
 * every delivery the way the trigger does. The contact's reply deletes the subscription and resumes the execution.
 * A wait that ends otherwise (time-out, cancelled, deleted) does not call the node: its subscription is deleted by
 * the next Send and Wait for Reply of this n8n (removeEndedWaits). Unpublishing the workflow does not end its waits.
 */

const OPERATION = 'sendAndWaitForReply';
const show = showFor('message', [OPERATION]);

/** Starts the description of every subscription a wait makes: removeEndedWaits recognises them by it. */
const DESCRIPTION_PREFIX = 'n8n Send and Wait for Reply';

export const option: INodePropertyOptions = {
	name: 'Send and Wait for Reply',
	value: OPERATION,
	action: 'Send a message and wait for the reply',
	description:
		"Send a message to the contact, then wait for the contact's next message in the conversation and continue with it",
};

const FIELDS = collectionName('additionalFields', 'message', OPERATION);
/** The contact fields are Send to Contact's, under names of their own (shown only when Send To is Contact). */
const CONTACT = { prefix: 'sendTo', when: { sendTo: ['contact'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Conversation',
				value: 'conversation',
				description: 'An existing conversation, picked or by its number',
			},
			{
				name: 'Contact',
				value: 'contact',
				description:
					'A contact found by email, phone number or identifier (created when there is none), in its open conversation in the inbox or a new one',
			},
		],
		default: 'conversation',
		displayOptions: show,
	},
	messageConversationLocator([OPERATION]),
	...contactTargetProperties('message', OPERATION, CONTACT),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description:
			"What to send to the contact (may be empty when a template or attachments are sent); the execution then waits for the contact's reply",
		displayOptions: show,
	},
	...messageTemplateFields(show),
	{
		...collectionHead('additionalFields', 'message', OPERATION),
		displayOptions: show,
		options: [
			attachmentsField,
			{ ...contactNameField, displayOptions: { show: { '/sendTo': ['contact'] } } },
		],
	},
	{
		...collectionHead('options', 'message', 'sendAndWaitForReply'),
		displayOptions: show,
		options: [
			...attachmentDownloadOptions("the reply's attachments into binary properties of the item"),
			{
				...limitWaitTimeOption,
				description:
					'How long to wait for the reply; after that the execution continues with reply empty and timed_out true',
			},
		],
	},
];

/** What the waiting webhook's URL carries, sealed. */
interface Wait {
	/** The subscription's signing secret (`whsec_…`). */
	secret: string;
	subscriptionId: string;
	conversationId: number;
	sentMessageId: number;
	/** Set when the message was sent to a contact (Send To: Contact). */
	contactId?: number;
}

function isWait(value: unknown): value is Wait {
	const wait = value as Partial<Wait> | undefined;
	return (
		typeof wait?.secret === 'string' &&
		typeof wait.subscriptionId === 'string' &&
		typeof wait.conversationId === 'number' &&
		typeof wait.sentMessageId === 'number' &&
		(wait.contactId === undefined || typeof wait.contactId === 'number')
	);
}

/**
 * This execution's waiting webhook for this node. n8n 2.x lets a waiting webhook through only with the execution's
 * resume token (`$execution.resumeUrl` carries it); the signed URLs of getSignedResumeUrl are accepted only for the
 * operation value `sendAndWait`. n8n 1.x checks neither: the delivery's own signature is what protects the wait.
 */
function waitingWebhookUrl(context: IExecuteFunctions, sealed?: string): URL {
	const url = new URL(String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0)));
	url.pathname = `${url.pathname.replace(/\/$/, '')}/${context.getNode().id}`;
	if (sealed) url.searchParams.set('w', sealed);
	return url;
}

/** Where this n8n's waiting webhooks are: the subscriptions of its waits start with it. */
function waitingBaseOf(url: URL): string {
	const path = url.pathname.split('/').slice(0, -2).join('/');
	return `${url.origin}${path}/`;
}

/** The limit a subscription's description names, or undefined when it is not one of ours. */
function limitOf(description: unknown): number | undefined {
	const match = /^n8n Send and Wait for Reply .* until (\S+)$/.exec(String(description ?? ''));
	const limit = match ? Date.parse(match[1]) : NaN;
	return Number.isNaN(limit) ? undefined : limit;
}

const LIST_PAGE_SIZE = 100;
const LIST_PAGES_AT_MOST = 20;

/** A key HueChat does not let manage subscriptions: the wait could not be made, so nothing is sent. */
function isRefusedKey(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && (error.httpCode === '401' || error.httpCode === '403');
}

/**
 * Of the other waits' subscriptions, one new wait asks n8n about a batch picked at random (each is one request to n8n,
 * and every wait still waiting answers it), and about another batch while the last one found ended waits: a new wait
 * costs at most PROBES_AT_MOST requests however many wait, and many waits ended at once go within a few new waits.
 */
const PROBE_BATCH = 10;
const PROBES_AT_MOST = 30;

/**
 * Whether the execution behind a waiting URL has ended, as n8n itself answers an unsigned POST to it: 404 "does not
 * exist" (deleted) or 409 "has finished" (answered, timed out, cancelled, failed). An execution still waiting runs
 * replyWebhook, which refuses the unsigned call (401) and keeps waiting; one running answers 409 "is running already".
 * Anything else (n8n unreachable from itself, another answer) counts as not ended.
 */
async function waitHasEnded(request: IExecuteSingleFunctions, url: string): Promise<boolean> {
	try {
		const answer = (await request.helpers.httpRequest({
			method: 'POST',
			url,
			body: {},
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 5_000,
		})) as { statusCode: number; body: unknown };
		const said = JSON.stringify(answer.body ?? '');
		return (
			(answer.statusCode === 404 && said.includes('does not exist')) ||
			(answer.statusCode === 409 && said.includes('has finished'))
		);
	} catch {
		return false;
	}
}

/**
 * Deletes the subscriptions of this n8n's waits that have ended without the reply (timed out, cancelled, deleted):
 * n8n does not call the node then. A wait whose limit has passed has ended; of the others, n8n is asked about a few
 * (waitHasEnded, PROBE_BATCH). Housekeeping: a failure here does not stop the new wait (the next one tries again),
 * except a key that may not manage subscriptions (401, 403), which fails before the message is sent.
 */
async function removeEndedWaits(
	request: IExecuteSingleFunctions,
	accountId: unknown,
	waitingBase: string,
	now: number,
): Promise<number> {
	const subscriptionPath = (id: unknown) =>
		accountPath('v2', accountId, `/outbound_webhooks/${String(id)}`);
	let removed = 0;
	let refusal: NodeApiError | undefined;
	try {
		// listed in full first: deleting while paging would move later subscriptions onto pages already read
		const ended: IDataObject[] = [];
		const running: IDataObject[] = [];
		for (let page = 1; page <= LIST_PAGES_AT_MOST; page++) {
			const answer = (await apiRequest(
				request,
				'GET',
				accountPath('v2', accountId, '/outbound_webhooks'),
				{ qs: { page, per_page: LIST_PAGE_SIZE } },
			)) as { data?: IDataObject[]; meta?: IDataObject };
			for (const subscription of answer.data ?? []) {
				const limit = limitOf(subscription.description);
				if (limit === undefined || !String(subscription.url ?? '').startsWith(waitingBase))
					continue;
				(limit <= now ? ended : running).push(subscription);
			}
			if (page >= Number(answer.meta?.total_pages ?? 1)) break;
		}
		const candidates = randomPick(running, PROBES_AT_MOST);
		for (let from = 0; from < candidates.length; from += PROBE_BATCH) {
			const found = ended.length;
			for (const subscription of candidates.slice(from, from + PROBE_BATCH))
				if (await waitHasEnded(request, String(subscription.url))) ended.push(subscription);
			if (ended.length === found) break;
		}
		for (const subscription of ended) {
			await apiRequest(request, 'DELETE', subscriptionPath(subscription.id));
			removed += 1;
		}
	} catch (error) {
		if (isRefusedKey(error)) refusal = error;
	}
	if (refusal) throw refusal;
	return removed;
}

/** At most `count` of `values`, picked at random (all of them when there are no more). */
function randomPick<T>(values: T[], count: number): T[] {
	const pool = [...values];
	for (let index = pool.length - 1; index > 0; index--) {
		const other = Math.floor(Math.random() * (index + 1));
		[pool[index], pool[other]] = [pool[other], pool[index]];
	}
	return pool.slice(0, count);
}

/** The conversation the message goes into: a number, or a contact's conversation found or started later. */
type Target =
	| { conversationId: number }
	| { match: ReturnType<typeof readMatch>; inboxId: number; contactName: string };

/** Reads and checks where the message goes, before anything is sent (the contact fields as Send to Contact does). */
async function readTarget(
	context: IExecuteFunctions,
	request: IExecuteSingleFunctions,
): Promise<Target> {
	if (context.getNodeParameter('sendTo', 0, 'conversation') !== 'contact')
		return { conversationId: conversationNumber(context) };
	const match = readMatch(request, CONTACT.prefix);
	const inbox = inboxIdCheck(CONTACT.prefix);
	await checkFields(inbox).call(request, {} as never);
	await checkMatch(match).call(request, {} as never);
	const refusal = takeRefusal(request);
	if (refusal) throw refusal;
	return {
		match,
		inboxId: Number(request.getNodeParameter(inbox.parameter, '', { extractValue: true })),
		contactName: String(request.getNodeParameter(`${FIELDS}.contactName`, '') ?? '').trim(),
	};
}

/** customOperations.message.sendAndWaitForReply: send, subscribe for the reply, wait (one wait per execution, item 0). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const request = itemContext(this, 0);
	let waitTill: Date;
	let subscriptions: string | undefined;
	let subscriptionId: string | undefined;
	let sentMessageId: number;
	let conversationId: number;
	let contactId: number | undefined;
	try {
		const target = await readTarget(this, request);
		// text, template and files are checked before anything is sent, as Message → Create checks them
		const text = String(request.getNodeParameter('text', '') ?? '');
		await checkFields(optionalTemplateIdCheck).call(request, {} as never);
		const extras = await readMessageExtras(request, FIELDS, text, 'Text');
		const refusal = takeRefusal(request);
		if (refusal) throw refusal;
		// readMessageExtras records a refusal whenever it reads nothing: this is only a guard
		if (!extras)
			throw new NodeOperationError(node, "The message to send could not be read ('Text')");
		waitTill = waitLimit(this);
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		subscriptions = accountPath('v2', credentials.accountId, '/outbound_webhooks');
		const resumeUrl = waitingWebhookUrl(this);

		await removeEndedWaits(request, credentials.accountId, waitingBaseOf(resumeUrl), Date.now());
		if ('conversationId' in target) conversationId = target.conversationId;
		else {
			const messages = accountPath(
				'v1',
				credentials.accountId,
				'/conversations/{conversation}/messages',
			);
			const found = await findContactConversation(
				request,
				target.match,
				target.inboxId,
				target.contactName,
				messages,
			);
			conversationId = Number(found.conversation.id);
			contactId = Number(found.contact.id);
		}
		const message = applyMessageExtras(
			{ url: '', body: { content: text, message_type: 'outgoing', private: false } },
			extras,
		);
		const sent = (await apiRequest(
			request,
			'POST',
			accountPath('v1', credentials.accountId, `/conversations/${conversationId}/messages`),
			// with files the body is multipart/form-data, as Message → Create sends it
			{ body: message.body as IDataObject, headers: message.headers as IDataObject | undefined },
		)) as IDataObject;
		const created = (await apiRequest(request, 'POST', subscriptions, {
			body: {
				url: resumeUrl.toString(),
				events: ['message.created'],
				active: false,
				description: `${DESCRIPTION_PREFIX} (execution ${String(this.getExecutionId())}) until ${waitTill.toISOString()}`,
			},
		})) as IDataObject;
		subscriptionId = String(created.id);
		if (typeof created.secret !== 'string' || !created.secret)
			throw new NodeOperationError(
				node,
				'HueChat created the subscription for the reply without its signing secret',
			);
		sentMessageId = Number(sent.id);
		const wait: Wait = {
			secret: String(created.secret),
			subscriptionId,
			conversationId,
			sentMessageId,
			...(contactId === undefined ? {} : { contactId }),
		};
		const sealed = seal(String(credentials.apiToken), wait);
		await apiRequest(request, 'PATCH', `${subscriptions}/${subscriptionId}`, {
			body: { url: waitingWebhookUrl(this, sealed).toString(), active: true },
		});
	} catch (error) {
		if (subscriptions !== undefined && subscriptionId !== undefined)
			await apiRequest(request, 'DELETE', `${subscriptions}/${subscriptionId}`).catch(() => {});
		return failedBeforeWaiting(this, error);
	}
	return await waitUntil(this, waitTill, {
		reply: null,
		conversation_id: conversationId,
		sent_message_id: sentMessageId,
		...(contactId === undefined ? {} : { contact_id: contactId }),
	});
}

function refuse(context: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error });
	return { noWebhookResponse: true };
}

function stillWaiting(context: IWebhookFunctions): IWebhookResponseData {
	context.getResponseObject().status(200).json({ received: true, waiting: true });
	return { noWebhookResponse: true };
}

/** The contact's own message in the conversation waited on: not an agent's, a note, an activity or ours. */
function isReply(event: IDataObject, wait: Wait): boolean {
	const message = (event.data ?? {}) as IDataObject;
	return (
		event.event === 'message.created' &&
		Number(message.conversation_id) === wait.conversationId &&
		(message.message_type === 0 || message.message_type === 'incoming') &&
		message.private !== true &&
		Number(message.id) !== wait.sentMessageId
	);
}

function parseEvent(rawBody: Buffer): IDataObject | undefined {
	try {
		const event: unknown = JSON.parse(rawBody.toString('utf8'));
		return event && typeof event === 'object' ? (event as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

const REPLY_FIELDS = [
	'id',
	'content',
	'content_type',
	'content_attributes',
	'created_at',
	'sender',
	'attachments',
];

/**
 * The waiting webhook of Send and Wait for Reply (sendAndWaitWebhook.ts dispatches here). Refused with 401, the
 * execution waiting on: a `w` this credential did not seal, and a delivery whose signature or timestamp does not
 * verify (forged, tampered, replayed after five minutes). A verified event that is not the reply: 200, still waiting.
 * The reply: its attachments are downloaded when asked, the subscription is deleted (best effort, unlogged: a failed
 * delete does not lose the reply; the clean-up of a later wait removes it), and the execution resumes with it.
 */
export async function replyWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const wait = unseal(
		String(credentials.apiToken),
		String((this.getQueryData() as IDataObject).w ?? ''),
	);
	if (!isWait(wait)) return refuse(this, 401, 'Unknown wait');
	const headers = this.getHeaderData() as IDataObject;
	const rawBody = await rawBodyOf(this);
	const refusal = verifyStandardWebhook(
		[wait.secret],
		{
			id: headerValue(headers, 'webhook-id'),
			timestamp: headerValue(headers, 'webhook-timestamp'),
			signature: headerValue(headers, 'webhook-signature'),
			rawBody,
		},
		Math.floor(Date.now() / 1000),
	);
	if (refusal) return refuse(this, 401, `Delivery refused: ${refusal}`);
	const event = parseEvent(rawBody);
	if (!event || !isReply(event, wait)) return stillWaiting(this);

	const message = event.data as IDataObject;
	const reply: IDataObject = {};
	for (const field of REPLY_FIELDS) if (field in message) reply[field] = message[field];
	const item: INodeExecutionData = {
		json: {
			reply,
			conversation_id: wait.conversationId,
			sent_message_id: wait.sentMessageId,
			...(wait.contactId === undefined ? {} : { contact_id: wait.contactId }),
		},
	};
	// Message → Get Many's Download Attachments, on the reply: it reads the same two options, and a webhook context
	// has the parameters and helpers it uses (getNodeParameter(name, fallback), httpRequest, prepareBinaryData).
	const [withFiles] = await downloadAttachments.call(this as unknown as IExecuteSingleFunctions, [
		{ json: reply },
	]);
	if (withFiles.binary) item.binary = withFiles.binary;
	// only now: a download that failed answers an error, and HueChat delivers the reply again
	await apiRequest(
		this,
		'DELETE',
		accountPath('v2', credentials.accountId, `/outbound_webhooks/${wait.subscriptionId}`),
	).catch(() => {});
	return { webhookResponse: { received: true }, workflowData: [[item]] };
}
