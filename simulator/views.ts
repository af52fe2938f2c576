// How records are shown by the API: the jbuilder views of Chatwoot's Application API (reference
// docs/chatwoot-v1.md §3), with HueChat's rule that every timestamp is unix seconds.
import type {
	AiAgentRecord,
	BroadcastRecord,
	ContactListRecord,
	DealRecord,
	PipelineRecord,
	TemplateRecord,
	TicketCommentRecord,
	TicketRecord,
	ContactInboxRecord,
	ContactRecord,
	ConversationRecord,
	InboxRecord,
	MessageRecord,
	Store,
	TeamRecord,
	UserRecord,
} from './store.ts';

import type {
	CannedResponseRecord,
	CustomAttributeDefinitionRecord,
	LabelRecord,
} from './store.ts';
import type { AccountWebhookRecord, OutboundWebhookRecord } from './store.ts';
import type { AttachmentRecord } from './store.ts';

/** An attachment in push format (`data_url` serves the file; no thumbnails are generated). */
export function attachmentView(attachment: AttachmentRecord): Json {
	return {
		id: attachment.id,
		message_id: attachment.message_id,
		file_type: attachment.file_type,
		account_id: attachment.account_id,
		extension: attachment.extension,
		data_url: attachment.data_url,
		thumb_url: attachment.file_type === 'image' ? attachment.data_url : '',
		file_size: attachment.file_size,
		width: null,
		height: null,
	};
}

function attachmentViews(message: MessageRecord): Json[] {
	return (message.attachments ?? []).map(attachmentView);
}

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
export function contactView(
	store: Store,
	contact: ContactRecord,
	options: { withInboxes: boolean } = { withInboxes: true },
): Json {
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
	if (options.withInboxes)
		view.contact_inboxes = store
			.contactInboxesOf(contact.id)
			.map((item) => contactInboxView(store, item));
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
		attachments: attachmentViews(message),
	};
	if (message.echo_id !== null) view.echo_id = message.echo_id;
	return view;
}

/** The message as embedded in a conversation (`conversation.messages`, push format). */
export function messagePushView(store: Store, message: MessageRecord): Json {
	const conversation = store.conversations.get(message.conversation_id);
	const contactInbox = conversation
		? store.contact_inboxes.get(conversation.contact_inbox_id)
		: undefined;
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
		attachments: attachmentViews(message),
	};
}

/** `_conversation.json.jbuilder`; `userId` decides nothing here but keeps team `is_member` honest. */
export function conversationView(
	store: Store,
	conversation: ConversationRecord,
	userId: number,
): Json {
	const contact = store.contacts.get(conversation.contact_id);
	const inbox = store.inboxes.get(conversation.inbox_id);
	const meta: Json = {
		sender: contact ? contactView(store, contact, { withInboxes: false }) : null,
		channel: inbox?.channel_type ?? null,
		hmac_verified: false,
	};
	const assignee =
		conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
	if (assignee) {
		meta.assignee = agentView(assignee, conversation.account_id);
		meta.assignee_type = 'User';
	}
	const team = conversation.team_id === null ? undefined : store.teams.get(conversation.team_id);
	if (team) meta.team = teamView(team, userId);
	const last = store.lastMessageOf(conversation.id);
	const lastNonActivity = store.lastMessageOf(
		conversation.id,
		(message) => message.message_type !== 2,
	);
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
export function profileView(
	store: Store,
	user: UserRecord,
	token: string,
	accountIds: readonly number[],
): Json {
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

// ---- inboxes, labels, canned responses, custom attribute definitions (docs/chatwoot-v1.md §3.6, §3.7) ----

const DEFAULT_WORKING_HOURS = [0, 1, 2, 3, 4, 5, 6].map((day) => ({
	day_of_week: day,
	closed_all_day: day === 0 || day === 6,
	open_hour: day === 0 || day === 6 ? null : 9,
	open_minutes: day === 0 || day === 6 ? null : 0,
	close_hour: day === 0 || day === 6 ? null : 17,
	close_minutes: day === 0 || day === 6 ? null : 0,
	open_all_day: false,
}));

/** `_inbox.json.jbuilder`: the common keys, then the keys of the inbox's channel. Secrets are never shown. */
export function inboxView(inbox: InboxRecord): Json {
	const view: Json = {
		id: inbox.id,
		name: inbox.name,
		avatar_url: inbox.avatar_url,
		channel_id: inbox.channel_id,
		channel_type: inbox.channel_type,
		greeting_enabled: inbox.greeting_enabled,
		greeting_message: inbox.greeting_message,
		working_hours_enabled: inbox.working_hours_enabled ?? false,
		enable_email_collect: inbox.enable_email_collect ?? true,
		csat_survey_enabled: inbox.csat_survey_enabled ?? false,
		enable_auto_assignment: inbox.enable_auto_assignment,
		out_of_office_message: inbox.out_of_office_message ?? null,
		working_hours: DEFAULT_WORKING_HOURS,
		timezone: inbox.timezone,
		callback_webhook_url: null,
		allow_messages_after_resolved: inbox.allow_messages_after_resolved ?? true,
		lock_to_single_conversation: inbox.lock_to_single_conversation ?? false,
		sender_name_type: inbox.sender_name_type ?? 'friendly',
		business_name: inbox.business_name ?? null,
		provider: inbox.provider,
	};
	switch (inbox.channel_kind) {
		case 'api':
			view.webhook_url = inbox.webhook_url;
			break;
		case 'web_widget':
			Object.assign(view, {
				website_url: inbox.website_url,
				widget_color: inbox.widget_color ?? '#1f93ff',
				welcome_title: inbox.welcome_title ?? null,
				welcome_tagline: inbox.welcome_tagline ?? null,
			});
			break;
		case 'email':
			view.email = inbox.email ?? null;
			break;
		case 'whatsapp':
		case 'sms':
			view.phone_number = inbox.phone_number;
			break;
		case 'telegram':
			view.bot_name = inbox.bot_name ?? null;
			break;
		case 'line':
			view.line_channel_id = inbox.line_channel_id ?? null;
			break;
	}
	return view;
}

export function labelView(label: LabelRecord): Json {
	return {
		id: label.id,
		title: label.title,
		description: label.description,
		color: label.color,
		show_on_sidebar: label.show_on_sidebar,
	};
}

/** Chatwoot shows the raw model; HueChat's timestamps are unix seconds. */
export function cannedResponseView(canned: CannedResponseRecord): Json {
	return {
		id: canned.id,
		account_id: canned.account_id,
		short_code: canned.short_code,
		content: canned.content,
		created_at: canned.created_at,
		updated_at: canned.updated_at,
	};
}

export function customAttributeDefinitionView(definition: CustomAttributeDefinitionRecord): Json {
	return {
		id: definition.id,
		attribute_display_name: definition.attribute_display_name,
		attribute_display_type: definition.attribute_display_type,
		attribute_description: definition.attribute_description,
		attribute_key: definition.attribute_key,
		regex_pattern: definition.regex_pattern,
		regex_cue: definition.regex_cue,
		attribute_values: definition.attribute_values,
		attribute_model: definition.attribute_model,
		default_value: definition.default_value,
		created_at: definition.created_at,
		updated_at: definition.updated_at,
	};
}

// ---- v2 resources (docs/contract.md §3): bare objects, UUID ids; ISO 8601 on broadcasts and templates ----

export function broadcastView(broadcast: BroadcastRecord): Json {
	return {
		id: broadcast.id,
		name: broadcast.name,
		inbox_id: broadcast.inbox_id,
		template_id: broadcast.template_id,
		template_variables: broadcast.template_variables,
		audience: broadcast.audience,
		status: broadcast.status,
		scheduled_at: broadcast.scheduled_at,
		started_at: broadcast.started_at,
		completed_at: broadcast.completed_at,
		cancelled_at: broadcast.cancelled_at,
		failure_reason: broadcast.failure_reason,
		created_at: broadcast.created_at,
		updated_at: broadcast.updated_at,
	};
}

export function broadcastStatsView(broadcast: BroadcastRecord): Json {
	return { ...broadcast.stats };
}

export function templateView(template: TemplateRecord): Json {
	return {
		id: template.id,
		inbox_id: template.inbox_id,
		name: template.name,
		language: template.language,
		category: template.category,
		status: template.status,
		rejected_reason: template.rejected_reason,
		components: template.components,
		created_at: template.created_at,
		updated_at: template.updated_at,
	};
}

/** `contact_count` counts members that still exist (a deleted contact leaves every list). */
export function contactListView(store: Store, list: ContactListRecord): Json {
	return {
		id: list.id,
		name: list.name,
		description: list.description,
		contact_count: list.contact_ids.filter((id) => store.contacts.has(id)).length,
		created_at: list.created_at,
		updated_at: list.updated_at,
	};
}

export function ticketView(ticket: TicketRecord): Json {
	return {
		id: ticket.id,
		number: ticket.number,
		subject: ticket.subject,
		description: ticket.description,
		status: ticket.status,
		priority: ticket.priority,
		contact_id: ticket.contact_id,
		conversation_id: ticket.conversation_id,
		assignee_id: ticket.assignee_id,
		team_id: ticket.team_id,
		labels: ticket.labels,
		custom_attributes: ticket.custom_attributes,
		due_at: ticket.due_at,
		solved_at: ticket.solved_at,
		closed_at: ticket.closed_at,
		created_at: ticket.created_at,
		updated_at: ticket.updated_at,
	};
}

export function ticketCommentView(store: Store, comment: TicketCommentRecord): Json {
	const author = store.users.get(comment.author_id);
	return {
		id: comment.id,
		ticket_id: comment.ticket_id,
		content: comment.content,
		private: comment.private,
		author: author ? { id: author.id, name: author.name, type: 'user' } : null,
		created_at: comment.created_at,
	};
}

export function pipelineView(pipeline: PipelineRecord): Json {
	return {
		id: pipeline.id,
		name: pipeline.name,
		position: pipeline.position,
		stages: [...pipeline.stages]
			.sort((a, b) => a.position - b.position)
			.map((stage) => ({ ...stage })),
		created_at: pipeline.created_at,
		updated_at: pipeline.updated_at,
	};
}

export function dealView(deal: DealRecord): Json {
	return {
		id: deal.id,
		title: deal.title,
		value: deal.value,
		currency: deal.currency,
		pipeline_id: deal.pipeline_id,
		stage_id: deal.stage_id,
		status: deal.status,
		contact_id: deal.contact_id,
		owner_id: deal.owner_id,
		expected_close_at: deal.expected_close_at,
		external_id: deal.external_id,
		lost_reason: deal.lost_reason,
		closed_at: deal.closed_at,
		custom_attributes: deal.custom_attributes,
		created_at: deal.created_at,
		updated_at: deal.updated_at,
	};
}

export function aiAgentView(agent: AiAgentRecord): Json {
	return {
		id: agent.id,
		name: agent.name,
		instructions: agent.instructions,
		inbox_ids: agent.inbox_ids,
		handoff_team_id: agent.handoff_team_id,
		status: agent.status,
		conversation_ids: agent.conversations.map((item) => item.conversation_id),
		created_at: agent.created_at,
		updated_at: agent.updated_at,
	};
}

/** Who answers a conversation: the AI agent (`active`) or, after a hand-off, humans again. */
export function aiAgentConversationView(
	agentId: string,
	conversationId: number,
	startedAt: number,
	endedAt: number | null,
	teamId: number | null,
): Json {
	return {
		ai_agent_id: agentId,
		conversation_id: conversationId,
		active: endedAt === null,
		started_at: startedAt,
		ended_at: endedAt,
		handoff_team_id: teamId,
	};
}

// ---- webhooks (docs/chatwoot-v1.md §3.8; docs/contract.md §3 outbound webhooks) -------------------------------------

/** `_webhook.json.jbuilder`: `inbox` only when bound to one; `secret` as Chatwoot ≥ 4.11.2 shows it to admins. */
export function accountWebhookView(store: Store, webhook: AccountWebhookRecord): Json {
	const view: Json = {
		id: webhook.id,
		name: webhook.name,
		url: webhook.url,
		account_id: webhook.account_id,
		subscriptions: webhook.subscriptions,
	};
	const inbox = webhook.inbox_id === null ? undefined : store.inboxes.get(webhook.inbox_id);
	if (inbox) view.inbox = { id: inbox.id, name: inbox.name };
	view.secret = webhook.secret;
	return view;
}

/** A v2 outbound webhook subscription; the secret only where the contract shows it (create, rotate_secret). */
export function outboundWebhookView(
	webhook: OutboundWebhookRecord,
	options: { withSecret: boolean } = { withSecret: false },
): Json {
	const view: Json = {
		id: webhook.id,
		url: webhook.url,
		events: webhook.events,
		description: webhook.description,
		active: webhook.active,
		created_at: webhook.created_at,
		updated_at: webhook.updated_at,
		last_delivery_at: webhook.last_delivery_at,
		failure_count: webhook.failure_count,
	};
	if (options.withSecret) view.secret = webhook.secret;
	return view;
}
