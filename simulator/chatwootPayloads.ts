// Bodies of v1 account webhook deliveries, shaped as Chatwoot sends them (docs/chatwoot-v1.md §6.3): the payload itself
// plus `event`, no envelope. Built from the store when the domain event is raised, so every retry sends the same
// bytes. HueChat adds `account {id, name}` to conversation events too.
import type { DomainEvent } from './events.ts';
import {
	MESSAGE_TYPE,
	type ContactRecord,
	type ConversationRecord,
	type MessageRecord,
	type Store,
} from './store.ts';
import { contactPushView, messagePushView, userPushView } from './views.ts';

type Json = Record<string, unknown>;

const MESSAGE_TYPE_NAMES: Record<number, string> = {
	0: 'incoming',
	1: 'outgoing',
	2: 'activity',
	3: 'template',
};

function iso(seconds: number | null | undefined): string | null {
	return seconds === null || seconds === undefined ? null : new Date(seconds * 1000).toISOString();
}

function accountOf(store: Store, accountId: number): Json {
	const account = store.accounts.get(accountId);
	return { id: accountId, name: account?.name ?? null };
}

/** `Conversation.webhook_data` (Conversations::EventDataPresenter). */
export function conversationWebhookData(store: Store, conversation: ConversationRecord): Json {
	const contact = store.contacts.get(conversation.contact_id);
	const contactInbox = store.contact_inboxes.get(conversation.contact_inbox_id);
	const inbox = store.inboxes.get(conversation.inbox_id);
	const assignee =
		conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
	const team = conversation.team_id === null ? undefined : store.teams.get(conversation.team_id);
	const latest = store.lastMessageOf(
		conversation.id,
		(message) => message.message_type !== MESSAGE_TYPE.activity && !message.private,
	);
	return {
		id: conversation.display_id,
		inbox_id: conversation.inbox_id,
		channel: inbox?.channel_type ?? null,
		status: conversation.status,
		priority: conversation.priority,
		labels: conversation.labels,
		additional_attributes: conversation.additional_attributes,
		custom_attributes: conversation.custom_attributes,
		can_reply: true,
		contact_inbox: contactInbox
			? {
					id: contactInbox.id,
					contact_id: contactInbox.contact_id,
					inbox_id: contactInbox.inbox_id,
					source_id: contactInbox.source_id,
					created_at: iso(contactInbox.created_at),
					updated_at: iso(contactInbox.created_at),
					hmac_verified: contactInbox.hmac_verified,
					pubsub_token: null,
				}
			: null,
		messages: latest ? [messagePushView(store, latest)] : [],
		meta: {
			sender: contact ? contactPushView(contact) : null,
			assignee: assignee ? userPushView(assignee) : null,
			assignee_type: assignee ? 'User' : null,
			team: team ? { id: team.id, name: team.name } : null,
			hmac_verified: false,
		},
		unread_count: conversation.unread_count,
		snoozed_until: iso(conversation.snoozed_until),
		first_reply_created_at: iso(conversation.first_reply_created_at),
		waiting_since: conversation.waiting_since ?? 0,
		agent_last_seen_at: conversation.agent_last_seen_at ?? 0,
		contact_last_seen_at: conversation.contact_last_seen_at ?? 0,
		last_activity_at: conversation.last_activity_at,
		timestamp: conversation.last_activity_at,
		created_at: conversation.created_at,
		updated_at: conversation.updated_at,
		account: accountOf(store, conversation.account_id),
	};
}

function contactSender(store: Store, contact: ContactRecord): Json {
	return {
		account: accountOf(store, contact.account_id),
		additional_attributes: contact.additional_attributes,
		avatar: contact.thumbnail,
		custom_attributes: contact.custom_attributes,
		email: contact.email,
		id: contact.id,
		identifier: contact.identifier,
		name: contact.name,
		phone_number: contact.phone_number,
		thumbnail: contact.thumbnail,
		blocked: contact.blocked,
	};
}

/** `Message.webhook_data`: `message_type` as a string, `created_at` ISO, the full conversation inside. */
export function messageWebhookData(store: Store, message: MessageRecord): Json {
	const conversation = store.conversations.get(message.conversation_id);
	const inbox = store.inboxes.get(message.inbox_id);
	let sender: Json | null = null;
	if (message.sender_type === 'Contact' && message.sender_id !== null) {
		const contact = store.contacts.get(message.sender_id);
		if (contact) sender = contactSender(store, contact);
	} else if (message.sender_type === 'User' && message.sender_id !== null) {
		const user = store.users.get(message.sender_id);
		if (user) sender = { id: user.id, name: user.name, email: user.email, type: 'user' };
	}
	return {
		id: message.id,
		content: message.content,
		content_type: message.content_type,
		content_attributes: message.content_attributes,
		message_type: MESSAGE_TYPE_NAMES[message.message_type] ?? String(message.message_type),
		private: message.private,
		source_id: message.source_id,
		created_at: iso(message.created_at),
		additional_attributes: message.additional_attributes,
		sender,
		conversation: conversation ? conversationWebhookData(store, conversation) : null,
		inbox: inbox ? { id: inbox.id, name: inbox.name } : null,
		account: accountOf(store, message.account_id),
	};
}

export function contactWebhookData(store: Store, contact: ContactRecord): Json {
	return {
		id: contact.id,
		name: contact.name,
		email: contact.email,
		phone_number: contact.phone_number,
		identifier: contact.identifier,
		avatar: contact.thumbnail,
		thumbnail: contact.thumbnail,
		blocked: contact.blocked,
		additional_attributes: contact.additional_attributes,
		custom_attributes: contact.custom_attributes,
		account: accountOf(store, contact.account_id),
	};
}

/**
 * `changed_attributes` of `conversation_updated` / `contact_updated`: the tracked columns that differ from the last
 * state a webhook event showed (`[{column: {previous_value, current_value}}]`), or null when the record had not been
 * seen by an event since the simulator started.
 */
export class ChangeTracker {
	private readonly snapshots = new Map<string, Json>();

	observe(
		key: string,
		current: Json,
	): Array<Record<string, { previous_value: unknown; current_value: unknown }>> | null {
		const previous = this.snapshots.get(key);
		this.snapshots.set(key, structuredClone(current));
		if (!previous) return null;
		const changes: Array<Record<string, { previous_value: unknown; current_value: unknown }>> = [];
		for (const [column, value] of Object.entries(current)) {
			if (JSON.stringify(previous[column]) !== JSON.stringify(value))
				changes.push({
					[column]: { previous_value: previous[column] ?? null, current_value: value },
				});
		}
		return changes;
	}

	forget(key: string): void {
		this.snapshots.delete(key);
	}

	clear(): void {
		this.snapshots.clear();
	}
}

function conversationColumns(conversation: ConversationRecord): Json {
	return {
		status: conversation.status,
		priority: conversation.priority,
		assignee_id: conversation.assignee_id,
		team_id: conversation.team_id,
		label_list: conversation.labels,
		custom_attributes: conversation.custom_attributes,
		snoozed_until: conversation.snoozed_until,
		waiting_since: conversation.waiting_since,
		first_reply_created_at: conversation.first_reply_created_at,
		updated_at: conversation.updated_at,
	};
}

function contactColumns(contact: ContactRecord): Json {
	return {
		name: contact.name,
		email: contact.email,
		phone_number: contact.phone_number,
		identifier: contact.identifier,
		blocked: contact.blocked,
		additional_attributes: contact.additional_attributes,
		custom_attributes: contact.custom_attributes,
		updated_at: contact.updated_at,
	};
}

function idOf(data: unknown): number | undefined {
	const id = data && typeof data === 'object' ? (data as Json).id : undefined;
	return typeof id === 'number' ? id : undefined;
}

/**
 * The Chatwoot body for a domain event under its v1 name, or undefined when Chatwoot would send nothing (activity
 * messages). Records are read from the store as they are now; a record already gone (deleted) falls back to the
 * event's data.
 */
export function chatwootBody(
	store: Store,
	tracker: ChangeTracker,
	event: DomainEvent,
	v1Name: string,
): Json | undefined {
	const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Json;
	const id = idOf(data);
	if (v1Name.startsWith('message_')) {
		const message = id === undefined ? undefined : store.messages.get(id);
		if (!message) return { event: v1Name, ...data };
		if (message.message_type === MESSAGE_TYPE.activity) return undefined;
		return { event: v1Name, ...messageWebhookData(store, message) };
	}
	if (v1Name.startsWith('conversation_') && !v1Name.startsWith('conversation_typing')) {
		const conversation =
			id === undefined ? undefined : store.conversationByDisplayId(event.accountId, id);
		if (!conversation) return { event: v1Name, ...data };
		const body: Json = { event: v1Name, ...conversationWebhookData(store, conversation) };
		// only created/updated move the snapshot: a status change raises status_changed first, then updated
		if (v1Name === 'conversation_created')
			tracker.observe(`conversation:${conversation.id}`, conversationColumns(conversation));
		if (v1Name === 'conversation_updated')
			body.changed_attributes = tracker.observe(
				`conversation:${conversation.id}`,
				conversationColumns(conversation),
			);
		if (v1Name === 'conversation_status_changed') body.changed_attributes = null;
		return body;
	}
	if (v1Name.startsWith('contact_')) {
		const contact = id === undefined ? undefined : store.contacts.get(id);
		if (!contact) return { event: v1Name, ...data };
		const changes = tracker.observe(`contact:${contact.id}`, contactColumns(contact));
		const body: Json = { event: v1Name, ...contactWebhookData(store, contact) };
		if (v1Name === 'contact_updated') body.changed_attributes = changes;
		return body;
	}
	if (v1Name.startsWith('conversation_typing')) {
		// {user, conversation, is_private}: the conversation as a webhook object
		const conversationId = idOf(data.conversation);
		const conversation =
			conversationId === undefined
				? undefined
				: store.conversationByDisplayId(event.accountId, conversationId);
		return {
			event: v1Name,
			...data,
			...(conversation ? { conversation: conversationWebhookData(store, conversation) } : {}),
		};
	}
	return { event: v1Name, ...data };
}

/** Keeps change tracking of contacts current for events v1 does not deliver (a deleted contact). */
export function forgetDeleted(tracker: ChangeTracker, event: DomainEvent): void {
	const id = idOf(event.data);
	if (event.name === 'contact.deleted' && id !== undefined) tracker.forget(`contact:${id}`);
}
