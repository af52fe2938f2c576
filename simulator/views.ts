// How records are shown by the API: the jbuilder views of Chatwoot's Application API (reference
// chatwoot-api.md §3), with HueChat's rule that every timestamp is unix seconds.
import type {
	ContactInboxRecord,
	ContactRecord,
	ConversationRecord,
	InboxRecord,
	MessageRecord,
	Store,
	TeamRecord,
	UserRecord,
} from './store.ts';

type Json = Record<string, unknown>;

export function inboxSlimView(inbox: InboxRecord): Json {
	return {
		id: inbox.id,
		avatar_url: inbox.avatar_url,
		channel_id: inbox.channel_id,
		name: inbox.name,
		channel_type: inbox.channel_type,
		provider: inbox.provider,
	};
}

export function contactInboxView(store: Store, contactInbox: ContactInboxRecord): Json {
	const inbox = store.inboxes.get(contactInbox.inbox_id);
	return { source_id: contactInbox.source_id, inbox: inbox ? inboxSlimView(inbox) : null };
}

/** `_contact.json.jbuilder`; `contact_inboxes` only on the /contacts endpoints. */
export function contactView(store: Store, contact: ContactRecord, options: { withInboxes: boolean } = { withInboxes: true }): Json {
	const view: Json = {
		id: contact.id,
		name: contact.name,
		email: contact.email,
		phone_number: contact.phone_number,
		identifier: contact.identifier,
		blocked: contact.blocked,
		thumbnail: contact.thumbnail,
		availability_status: contact.availability_status,
		additional_attributes: contact.additional_attributes,
		custom_attributes: contact.custom_attributes,
		created_at: contact.created_at,
	};
	if (contact.last_activity_at !== null) view.last_activity_at = contact.last_activity_at;
	if (options.withInboxes) view.contact_inboxes = store.contactInboxesOf(contact.id).map((item) => contactInboxView(store, item));
	return view;
}

/** The contact as a message sender (push format). */
export function contactPushView(contact: ContactRecord): Json {
	return {
		id: contact.id,
		name: contact.name,
		email: contact.email,
		phone_number: contact.phone_number,
		identifier: contact.identifier,
		thumbnail: contact.thumbnail,
		blocked: contact.blocked,
		additional_attributes: contact.additional_attributes,
		custom_attributes: contact.custom_attributes,
		type: 'contact',
	};
}

function availabilityStatus(user: UserRecord): string {
	return user.availability;
}

/** The user as a message sender or assignee push (push format). */
export function userPushView(user: UserRecord): Json {
	return {
		id: user.id,
		name: user.name,
		available_name: user.display_name ?? user.name,
		avatar_url: user.thumbnail,
		type: 'user',
		availability_status: availabilityStatus(user),
		thumbnail: user.thumbnail,
	};
}

/** `_agent.json.jbuilder`. */
export function agentView(user: UserRecord, accountId: number): Json {
	return {
		id: user.id,
		account_id: accountId,
		availability_status: availabilityStatus(user),
		auto_offline: user.auto_offline,
		confirmed: user.confirmed,
		email: user.email,
		provider: 'email',
		available_name: user.display_name ?? user.name,
		name: user.name,
		role: user.roles[accountId] ?? 'agent',
		thumbnail: user.thumbnail,
	};
}

export function teamView(team: TeamRecord, userId: number): Json {
	return {
		id: team.id,
		name: team.name,
		description: team.description,
		allow_auto_assign: team.allow_auto_assign,
		account_id: team.account_id,
		is_member: team.member_ids.includes(userId),
	};
}

function senderView(store: Store, message: MessageRecord): Json | null {
	if (message.sender_type === 'Contact' && message.sender_id !== null) {
		const contact = store.contacts.get(message.sender_id);
		return contact ? contactPushView(contact) : null;
	}
	if (message.sender_type === 'User' && message.sender_id !== null) {
		const user = store.users.get(message.sender_id);
		return user ? userPushView(user) : null;
	}
	return null;
}

function displayIdOf(store: Store, message: MessageRecord): number {
	return store.conversations.get(message.conversation_id)?.display_id ?? message.conversation_id;
}

/** `_message.json.jbuilder` (REST format). */
export function messageView(store: Store, message: MessageRecord): Json {
	const view: Json = {
		id: message.id,
		content: message.content,
		inbox_id: message.inbox_id,
		conversation_id: displayIdOf(store, message),
		message_type: message.message_type,
		content_type: message.content_type,
		status: message.status,
		content_attributes: message.content_attributes,
		created_at: message.created_at,
		private: message.private,
		source_id: message.source_id,
		sender: senderView(store, message),
		attachments: [],
	};
	if (message.echo_id !== null) view.echo_id = message.echo_id;
	return view;
}

/** The message as embedded in a conversation (`conversation.messages`, push format). */
export function messagePushView(store: Store, message: MessageRecord): Json {
	const conversation = store.conversations.get(message.conversation_id);
	const contactInbox = conversation ? store.contact_inboxes.get(conversation.contact_inbox_id) : undefined;
	return {
		id: message.id,
		content: message.content,
		account_id: message.account_id,
		inbox_id: message.inbox_id,
		conversation_id: displayIdOf(store, message),
		message_type: message.message_type,
		created_at: message.created_at,
		updated_at: message.updated_at,
		private: message.private,
		status: message.status,
		source_id: message.source_id,
		content_type: message.content_type,
		content_attributes: message.content_attributes,
		sender_type: message.sender_type,
		sender_id: message.sender_id,
		external_source_ids: {},
		additional_attributes: message.additional_attributes,
		processed_message_content: message.content,
		sentiment: {},
		conversation: {
			assignee_id: conversation?.assignee_id ?? null,
			unread_count: conversation?.unread_count ?? 0,
			last_activity_at: conversation?.last_activity_at ?? 0,
			contact_inbox: { source_id: contactInbox?.source_id ?? null },
		},
		sender: senderView(store, message),
		attachments: [],
	};
}

/** `_conversation.json.jbuilder`; `userId` decides nothing here but keeps team `is_member` honest. */
export function conversationView(store: Store, conversation: ConversationRecord, userId: number): Json {
	const contact = store.contacts.get(conversation.contact_id);
	const inbox = store.inboxes.get(conversation.inbox_id);
	const meta: Json = {
		sender: contact ? contactView(store, contact, { withInboxes: false }) : null,
		channel: inbox?.channel_type ?? null,
		hmac_verified: false,
	};
	const assignee = conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
	if (assignee) {
		meta.assignee = agentView(assignee, conversation.account_id);
		meta.assignee_type = 'User';
	}
	const team = conversation.team_id === null ? undefined : store.teams.get(conversation.team_id);
	if (team) meta.team = teamView(team, userId);
	const last = store.lastMessageOf(conversation.id);
	const lastNonActivity = store.lastMessageOf(conversation.id, (message) => message.message_type !== 2);
	return {
		id: conversation.display_id,
		uuid: conversation.uuid,
		account_id: conversation.account_id,
		inbox_id: conversation.inbox_id,
		status: conversation.status,
		priority: conversation.priority,
		labels: conversation.labels,
		additional_attributes: conversation.additional_attributes,
		custom_attributes: conversation.custom_attributes,
		muted: conversation.muted,
		can_reply: true,
		snoozed_until: conversation.snoozed_until,
		unread_count: conversation.unread_count,
		created_at: conversation.created_at,
		updated_at: conversation.updated_at,
		timestamp: conversation.last_activity_at,
		last_activity_at: conversation.last_activity_at,
		first_reply_created_at: conversation.first_reply_created_at ?? 0,
		waiting_since: conversation.waiting_since ?? 0,
		agent_last_seen_at: conversation.agent_last_seen_at ?? 0,
		assignee_last_seen_at: conversation.assignee_last_seen_at ?? 0,
		contact_last_seen_at: conversation.contact_last_seen_at ?? 0,
		sla_policy_id: conversation.sla_policy_id,
		messages: last ? [messagePushView(store, last)] : [],
		last_non_activity_message: lastNonActivity ? messagePushView(store, lastNonActivity) : null,
		meta,
	};
}

/** `GET /api/v1/profile`: the key's user, the accounts the key may use and the token itself. */
export function profileView(store: Store, user: UserRecord, token: string, accountIds: readonly number[]): Json {
	const accounts = accountIds
		.map((id) => store.accounts.get(id))
		.filter((account) => account !== undefined)
		.map((account) => ({
			id: account.id,
			name: account.name,
			status: account.status,
			role: user.roles[account.id] ?? 'agent',
			availability: user.availability,
			availability_status: availabilityStatus(user),
			auto_offline: user.auto_offline,
		}));
	return {
		id: user.id,
		uid: user.email,
		name: user.name,
		display_name: user.display_name,
		available_name: user.display_name ?? user.name,
		email: user.email,
		provider: 'email',
		confirmed: user.confirmed,
		account_id: accounts[0]?.id ?? null,
		role: accounts[0]?.role ?? null,
		availability_status: availabilityStatus(user),
		avatar_url: user.thumbnail,
		thumbnail: user.thumbnail,
		custom_attributes: user.custom_attributes,
		ui_settings: {},
		type: 'user',
		access_token: token,
		accounts,
	};
}
