// Messages of a conversation (v1). Reference: docs/chatwoot-v1.md §3.2, §4.2.
import { created, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import {
	MESSAGE_TYPE,
	type Attributes,
	type ConversationRecord,
	type InboxRecord,
	type MessageRecord,
	type Store,
	type UserRecord,
} from '../store.ts';
import { contactPushView, conversationView, messageView, userPushView } from '../views.ts';
import { attachFiles } from '../attachments.ts';
import { filesOf } from '../multipart.ts';

export const MESSAGES_PER_PAGE = 20;
const MESSAGES_AFTER_LIMIT = 100;
const MESSAGES_RANGE_LIMIT = 1000;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

export interface MessageInput {
	content?: string | null;
	message_type?: 'outgoing' | 'incoming';
	private?: boolean;
	content_type?: string;
	content_attributes?: Attributes | string;
	template_params?: Attributes;
	cc_emails?: string;
	bcc_emails?: string;
	to_emails?: string;
	echo_id?: string;
	source_id?: string;
	campaign_id?: number;
	/** File names of a multipart body's `attachments[]` (the files themselves: `filesOf(body)`). */
	attachments?: string[];
}

export function findConversation(
	context: HandlerContext,
	id: number = Number(context.params.conversation_id),
): ConversationRecord {
	const conversation = context.store.conversationByDisplayId(context.accountId, id);
	if (!conversation) throw notFound(`Conversation ${id} not found`);
	return conversation;
}

function emailList(value: string | undefined): string[] | undefined {
	if (value === undefined) return undefined;
	return value
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

/**
 * The business rules of a message body beyond its schema; `prefix` names nested fields
 * (`message.` inside a conversation create). Returns the problems; the store is not touched.
 */
export function messageProblems(
	input: MessageInput,
	inbox: InboxRecord,
	prefix = '',
): ErrorDetails {
	const details: ErrorDetails = {};
	const hasContent = typeof input.content === 'string' && input.content.trim() !== '';
	const hasAttachments = Array.isArray(input.attachments) && input.attachments.length > 0;
	if (!hasContent && input.template_params === undefined && !hasAttachments)
		details[`${prefix}content`] = ["can't be blank"];
	if (input.message_type === 'incoming' && inbox.channel_kind !== 'api') {
		details[`${prefix}message_type`] = ['incoming messages are only allowed in API inboxes'];
	}
	if (typeof input.content_attributes === 'string') {
		try {
			const parsed: unknown = JSON.parse(input.content_attributes);
			if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
				throw new Error('not an object');
		} catch {
			details[`${prefix}content_attributes`] = ['must be an object or a JSON object string'];
		}
	}
	for (const field of ['cc_emails', 'bcc_emails', 'to_emails'] as const) {
		const invalid = (emailList(input[field]) ?? []).filter((address) => !EMAIL.test(address));
		if (invalid.length > 0)
			details[`${prefix}${field}`] = [`contains invalid addresses: ${invalid.join(', ')}`];
	}
	return details;
}

/** Creates the message and updates the conversation (activity, unread count, reopening) and contact. */
export function insertMessage(
	store: Store,
	conversation: ConversationRecord,
	input: MessageInput,
	user: UserRecord,
	now: number,
): MessageRecord {
	const incoming = input.message_type === 'incoming';
	const contentAttributes: Attributes =
		typeof input.content_attributes === 'string'
			? (JSON.parse(input.content_attributes) as Attributes)
			: { ...(input.content_attributes ?? {}) };
	for (const field of ['cc_emails', 'bcc_emails', 'to_emails'] as const) {
		const list = emailList(input[field]);
		if (list) contentAttributes[field] = list;
	}
	const additional: Attributes = {};
	if (input.template_params !== undefined) additional.template_params = input.template_params;
	if (input.campaign_id !== undefined) additional.campaign_id = input.campaign_id;

	const message = store.insertMessage({
		account_id: conversation.account_id,
		inbox_id: conversation.inbox_id,
		conversation_id: conversation.id,
		content: input.content ?? null,
		message_type: incoming ? MESSAGE_TYPE.incoming : MESSAGE_TYPE.outgoing,
		content_type: input.content_type ?? 'text',
		content_attributes: contentAttributes,
		private: input.private ?? false,
		status: 'sent',
		source_id: input.source_id ?? null,
		echo_id: input.echo_id ?? null,
		sender_type: incoming ? 'Contact' : 'User',
		sender_id: incoming ? conversation.contact_id : user.id,
		additional_attributes: additional,
		created_at: now,
		updated_at: now,
	});

	const patch: Partial<ConversationRecord> = { last_activity_at: now, updated_at: now };
	if (incoming) {
		patch.unread_count = conversation.unread_count + 1;
		patch.waiting_since = conversation.waiting_since ?? now;
		// a contact's message reopens a resolved or snoozed conversation
		if (conversation.status === 'resolved' || conversation.status === 'snoozed') {
			patch.status = 'open';
			patch.snoozed_until = null;
		}
		const contact = store.contacts.get(conversation.contact_id);
		if (contact) store.updateContact(contact, { last_activity_at: now });
	} else if (!message.private) {
		patch.unread_count = 0;
		patch.waiting_since = null;
		patch.first_reply_created_at = conversation.first_reply_created_at ?? now;
	}
	store.updateConversation(conversation, patch);
	return message;
}

function getMany(context: HandlerContext) {
	const { store, query } = context;
	const conversation = findConversation(context);
	const before = query.before as number | undefined;
	const after = query.after as number | undefined;
	const limit =
		after === undefined
			? MESSAGES_PER_PAGE
			: before === undefined
				? MESSAGES_AFTER_LIMIT
				: MESSAGES_RANGE_LIMIT;
	let payload: readonly MessageRecord[];
	if (query.filter_internal_messages === true) {
		const visible = store
			.messagesOf(conversation.id)
			.filter(
				(message) =>
					!message.private &&
					message.message_type !== MESSAGE_TYPE.activity &&
					(before === undefined || message.id < before) &&
					(after === undefined || message.id > after),
			);
		payload =
			after !== undefined
				? visible.slice(0, limit)
				: visible.slice(Math.max(0, visible.length - limit));
	} else {
		payload = store.messageWindow(conversation.id, { before, after }, limit);
	}
	const contact = store.contacts.get(conversation.contact_id);
	const assignee =
		conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
	const meta: Record<string, unknown> = {
		labels: conversation.labels,
		additional_attributes: conversation.additional_attributes,
		contact: contact ? contactPushView(contact) : null,
		agent_last_seen_at: conversation.agent_last_seen_at,
		assignee_last_seen_at: conversation.assignee_last_seen_at,
	};
	if (assignee) meta.assignee = userPushView(assignee);
	return ok({ meta, payload: payload.map((message) => messageView(store, message)) });
}

function create(context: HandlerContext) {
	const { store, user, now } = context;
	const conversation = findConversation(context);
	const input = context.body as MessageInput;
	const inbox = store.inboxes.get(conversation.inbox_id);
	if (!inbox) throw notFound(`Inbox ${conversation.inbox_id} not found`);
	const details = messageProblems(input, inbox);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	const previousStatus = conversation.status;
	const message = insertMessage(store, conversation, input, user, now);
	attachFiles(store, message, filesOf(context.body), context.headers, now);
	const shown = messageView(store, message);
	context.emit('message.created', shown);
	if (conversation.status !== previousStatus) {
		// a contact's message reopened the conversation
		const shownConversation = conversationView(store, conversation, user.id);
		context.emit('conversation.status_changed', shownConversation);
		context.emit('conversation.updated', shownConversation);
	}
	return created(shown);
}

export const messageHandlers: HandlerMap = {
	'message.getMany': getMany,
	'message.create': create,
};
