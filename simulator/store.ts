// The simulator's in-memory database: one Map per collection keyed by id, auto-increment integer ids
// and unix-second timestamps for the v1 resources, plus the indexes the API needs to stay O(page):
// unique-value lookups, per-conversation message arrays (sorted by id) and a small cache of sorted /
// filtered id lists that is invalidated whenever the collection it was computed from changes.

export type Attributes = Record<string, unknown>;

export interface AccountRecord {
	id: number;
	name: string;
	locale: string;
	status: 'active' | 'suspended';
	created_at: number;
}

export interface UserRecord {
	id: number;
	name: string;
	display_name: string | null;
	email: string;
	/** Role per account id. */
	roles: Record<number, 'agent' | 'administrator'>;
	availability: 'online' | 'busy' | 'offline';
	auto_offline: boolean;
	confirmed: boolean;
	thumbnail: string;
	custom_attributes: Attributes;
	created_at: number;
}

export type ChannelKind = 'api' | 'web_widget' | 'email' | 'whatsapp' | 'sms' | 'telegram' | 'line';

export interface InboxRecord {
	id: number;
	account_id: number;
	name: string;
	channel_kind: ChannelKind;
	channel_type: string;
	channel_id: number;
	provider: string | null;
	avatar_url: string;
	greeting_enabled: boolean;
	greeting_message: string | null;
	enable_auto_assignment: boolean;
	timezone: string;
	phone_number: string | null;
	website_url: string | null;
	webhook_url: string | null;
	created_at: number;
	// The settings below are optional so that older callers need not set them; views apply the defaults.
	/** Agents (user ids) who are members of the inbox. */
	member_ids?: number[];
	working_hours_enabled?: boolean;
	enable_email_collect?: boolean;
	csat_survey_enabled?: boolean;
	allow_messages_after_resolved?: boolean;
	lock_to_single_conversation?: boolean;
	out_of_office_message?: string | null;
	sender_name_type?: 'friendly' | 'professional';
	business_name?: string | null;
	/** Channel settings: web widget */
	widget_color?: string | null;
	welcome_title?: string | null;
	welcome_tagline?: string | null;
	/** Channel settings: email inboxes' address, Telegram bot name, LINE channel id */
	email?: string | null;
	bot_name?: string | null;
	line_channel_id?: string | null;
	updated_at?: number;
}

export interface LabelRecord {
	id: number;
	account_id: number;
	/** Lower case; letters, digits, `-` and `_`; unique per account. */
	title: string;
	description: string | null;
	color: string;
	show_on_sidebar: boolean;
	created_at: number;
	updated_at: number;
}

export interface CannedResponseRecord {
	id: number;
	account_id: number;
	/** Unique per account. */
	short_code: string;
	content: string;
	created_at: number;
	updated_at: number;
}

export type AttributeModel = 'conversation_attribute' | 'contact_attribute';
export type AttributeDisplayType =
	'text' | 'number' | 'currency' | 'percent' | 'link' | 'date' | 'list' | 'checkbox';

export interface CustomAttributeDefinitionRecord {
	id: number;
	account_id: number;
	attribute_display_name: string;
	/** Unique per account and model. */
	attribute_key: string;
	attribute_display_type: AttributeDisplayType;
	attribute_model: AttributeModel;
	attribute_description: string | null;
	attribute_values: string[];
	regex_pattern: string | null;
	regex_cue: string | null;
	default_value: string | number | boolean | null;
	created_at: number;
	updated_at: number;
}

export interface TeamRecord {
	id: number;
	account_id: number;
	name: string;
	description: string;
	allow_auto_assign: boolean;
	member_ids: number[];
	created_at: number;
}

export interface ContactRecord {
	id: number;
	account_id: number;
	name: string;
	email: string | null;
	phone_number: string | null;
	identifier: string | null;
	blocked: boolean;
	thumbnail: string;
	availability_status: 'online' | 'offline';
	additional_attributes: Attributes;
	custom_attributes: Attributes;
	labels: string[];
	created_at: number;
	updated_at: number;
	last_activity_at: number | null;
}

export interface ContactInboxRecord {
	id: number;
	contact_id: number;
	inbox_id: number;
	source_id: string;
	hmac_verified: boolean;
	created_at: number;
}

export type ConversationStatus = 'open' | 'resolved' | 'pending' | 'snoozed';
export type ConversationPriority = 'low' | 'medium' | 'high' | 'urgent';

export interface ConversationRecord {
	/** Internal primary key; never shown by the API. */
	id: number;
	/** The per-account sequential id the API calls `id`. */
	display_id: number;
	uuid: string;
	account_id: number;
	inbox_id: number;
	contact_id: number;
	contact_inbox_id: number;
	status: ConversationStatus;
	priority: ConversationPriority | null;
	assignee_id: number | null;
	team_id: number | null;
	labels: string[];
	additional_attributes: Attributes;
	custom_attributes: Attributes;
	muted: boolean;
	snoozed_until: number | null;
	unread_count: number;
	created_at: number;
	updated_at: number;
	last_activity_at: number;
	first_reply_created_at: number | null;
	waiting_since: number | null;
	agent_last_seen_at: number | null;
	assignee_last_seen_at: number | null;
	contact_last_seen_at: number | null;
	sla_policy_id: number | null;
}

/** Chatwoot's integer message types. */
export const MESSAGE_TYPE = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;
export type MessageTypeNumber = (typeof MESSAGE_TYPE)[keyof typeof MESSAGE_TYPE];

export interface MessageRecord {
	id: number;
	account_id: number;
	inbox_id: number;
	/** Internal conversation id (the API shows the display id). */
	conversation_id: number;
	content: string | null;
	message_type: MessageTypeNumber;
	content_type: string;
	content_attributes: Attributes;
	private: boolean;
	status: 'sent' | 'delivered' | 'read' | 'failed';
	source_id: string | null;
	echo_id: string | null;
	sender_type: 'Contact' | 'User' | null;
	sender_id: number | null;
	additional_attributes: Attributes;
	created_at: number;
	updated_at: number;
	/** Files sent with the message (multipart `attachments[]`); their bytes are in `Store.blobs`. */
	attachments?: AttachmentRecord[];
}

export type AttachmentFileType = 'image' | 'audio' | 'video' | 'file';

/** A message attachment's metadata; `data_url` serves the bytes kept in `Store.blobs` under `blob_key`. */
export interface AttachmentRecord {
	id: number;
	message_id: number;
	account_id: number;
	file_type: AttachmentFileType;
	file_name: string;
	content_type: string;
	extension: string | null;
	file_size: number;
	blob_key: string;
	data_url: string;
	created_at: number;
}

/** A v1 account webhook (Chatwoot's `webhooks`): integer id, URL unique per account, Chatwoot event names. */
export interface AccountWebhookRecord {
	id: number;
	account_id: number;
	name: string | null;
	url: string;
	subscriptions: string[];
	inbox_id: number | null;
	/** Signs X-Chatwoot-Signature; generated by HueChat, never chosen by the client. */
	secret: string;
	created_at: number;
	updated_at: number;
}

/** A v2 outbound webhook subscription: UUID id, ISO timestamps, docs/contract.md §4 event names (or `*`). */
export interface OutboundWebhookRecord {
	id: string;
	account_id: number;
	url: string;
	events: string[];
	description: string | null;
	active: boolean;
	/** `whsec_<base64 of 32 bytes>`; shown only by create and rotate_secret. */
	secret: string;
	/** The secret before the last rotation, still signing until `previous_secret_expires_at` (epoch ms). */
	previous_secret: string | null;
	previous_secret_expires_at: number | null;
	created_at: string;
	updated_at: string;
	last_delivery_at: string | null;
	/** Deliveries (all retries) that failed since the last success. */
	failure_count: number;
}

// ---- v2 resources: UUID ids; broadcasts and templates keep ISO 8601 timestamps, the others unix seconds ----

export type BroadcastStatus =
	'draft' | 'scheduled' | 'sending' | 'completed' | 'failed' | 'cancelled';

export interface BroadcastStats {
	recipients: number;
	sent: number;
	delivered: number;
	read: number;
	replied: number;
	failed: number;
}

export interface BroadcastRecord {
	id: string;
	account_id: number;
	name: string;
	inbox_id: number;
	template_id: string;
	template_variables: Record<string, string>;
	audience: { contact_list_ids: string[]; labels: string[] };
	status: BroadcastStatus;
	/** ISO 8601 (all timestamps of a broadcast). */
	scheduled_at: string | null;
	started_at: string | null;
	completed_at: string | null;
	cancelled_at: string | null;
	failure_reason: string | null;
	stats: BroadcastStats;
	created_at: string;
	updated_at: string;
	/** Internal: epoch ms when a `sending` broadcast has been delivered (simulated delivery). */
	finishes_at: number | null;
}

export type TemplateStatus = 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled';
export type TemplateCategory = 'marketing' | 'utility' | 'authentication';

export interface TemplateButton {
	type: 'quick_reply' | 'url' | 'phone_number' | 'copy_code' | 'otp';
	text: string;
	url?: string;
	phone_number?: string;
	example?: string;
}

export interface TemplateComponent {
	type: 'header' | 'body' | 'footer' | 'buttons';
	format?: 'text' | 'image' | 'video' | 'document' | 'location';
	text?: string;
	buttons?: TemplateButton[];
}

export interface TemplateRecord {
	id: string;
	account_id: number;
	inbox_id: number;
	name: string;
	language: string;
	category: TemplateCategory;
	status: TemplateStatus;
	rejected_reason: string | null;
	components: TemplateComponent[];
	/** ISO 8601. */
	created_at: string;
	updated_at: string;
	/** Internal: epoch ms when a `pending` template's simulated review ends; null = never (seeded ones). */
	review_ends_at: number | null;
}

export interface ContactListRecord {
	id: string;
	account_id: number;
	name: string;
	description: string | null;
	/** Member contact ids in the order they were added. */
	contact_ids: number[];
	created_at: number;
	updated_at: number;
}

export type TicketStatus = 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';

export interface TicketRecord {
	id: string;
	/** Human-readable per-account sequence. */
	number: number;
	account_id: number;
	subject: string;
	description: string | null;
	status: TicketStatus;
	priority: ConversationPriority | null;
	contact_id: number;
	/** A conversation's display id. */
	conversation_id: number | null;
	assignee_id: number | null;
	team_id: number | null;
	labels: string[];
	custom_attributes: Attributes;
	due_at: number | null;
	solved_at: number | null;
	closed_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface TicketCommentRecord {
	id: string;
	account_id: number;
	ticket_id: string;
	content: string;
	private: boolean;
	/** The user who wrote it (the API key's user). */
	author_id: number;
	created_at: number;
}

export interface StageRecord {
	id: string;
	name: string;
	position: number;
	/** Win probability in percent. */
	probability: number;
}

export interface PipelineRecord {
	id: string;
	account_id: number;
	name: string;
	position: number;
	stages: StageRecord[];
	created_at: number;
	updated_at: number;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface DealRecord {
	id: string;
	account_id: number;
	title: string;
	/** A decimal string such as "1250.00", never a float. */
	value: string | null;
	currency: string;
	pipeline_id: string;
	stage_id: string;
	status: DealStatus;
	contact_id: number | null;
	owner_id: number | null;
	expected_close_at: number | null;
	/** The deal's id in another system; unique per account. */
	external_id: string | null;
	lost_reason: string | null;
	closed_at: number | null;
	custom_attributes: Attributes;
	created_at: number;
	updated_at: number;
}

export interface AiAgentRecord {
	id: string;
	account_id: number;
	name: string;
	instructions: string;
	inbox_ids: number[];
	handoff_team_id: number | null;
	status: 'active' | 'paused';
	/** Conversations (display ids) the agent is answering now. */
	conversations: { conversation_id: number; started_at: number }[];
	created_at: number;
	updated_at: number;
}

/** The v2 collections: Maps keyed by UUID. */
export type V2Collection =
	| 'broadcasts'
	| 'templates'
	| 'contact_lists'
	| 'tickets'
	| 'ticket_comments'
	| 'pipelines'
	| 'deals'
	| 'ai_agents';

interface CollectionTypes {
	broadcasts: BroadcastRecord;
	templates: TemplateRecord;
	contact_lists: ContactListRecord;
	tickets: TicketRecord;
	ticket_comments: TicketCommentRecord;
	pipelines: PipelineRecord;
	deals: DealRecord;
	ai_agents: AiAgentRecord;
	accounts: AccountRecord;
	users: UserRecord;
	inboxes: InboxRecord;
	teams: TeamRecord;
	contacts: ContactRecord;
	contact_inboxes: ContactInboxRecord;
	conversations: ConversationRecord;
	messages: MessageRecord;
	labels: LabelRecord;
	canned_responses: CannedResponseRecord;
	custom_attribute_definitions: CustomAttributeDefinitionRecord;
	account_webhooks: AccountWebhookRecord;
	outbound_webhooks: OutboundWebhookRecord;
}

export type CollectionName = keyof CollectionTypes;

export const COLLECTIONS: readonly CollectionName[] = [
	'accounts',
	'users',
	'inboxes',
	'teams',
	'contacts',
	'contact_inboxes',
	'conversations',
	'messages',
	'broadcasts',
	'templates',
	'contact_lists',
	'tickets',
	'ticket_comments',
	'pipelines',
	'deals',
	'ai_agents',
	'labels',
	'canned_responses',
	'custom_attribute_definitions',
	'account_webhooks',
	'outbound_webhooks',
];

/** Collections whose records have no indexes: inserted, updated and deleted through the generic methods. */
export type PlainCollection = 'labels' | 'canned_responses' | 'custom_attribute_definitions';

const QUERY_CACHE_SIZE = 64;

/** Unix seconds. */
export function unixNow(): number {
	return Math.floor(Date.now() / 1000);
}

function lower(value: string): string {
	return value.toLowerCase();
}

/** Index of the first element of `sorted` (ascending by id) whose id is >= `id`. */
function lowerBound(sorted: readonly { id: number }[], id: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid].id < id) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export class Store {
	readonly accounts = new Map<number, AccountRecord>();
	readonly users = new Map<number, UserRecord>();
	readonly inboxes = new Map<number, InboxRecord>();
	readonly teams = new Map<number, TeamRecord>();
	readonly contacts = new Map<number, ContactRecord>();
	readonly contact_inboxes = new Map<number, ContactInboxRecord>();
	readonly conversations = new Map<number, ConversationRecord>();
	readonly messages = new Map<number, MessageRecord>();
	readonly broadcasts = new Map<string, BroadcastRecord>();
	readonly templates = new Map<string, TemplateRecord>();
	readonly contact_lists = new Map<string, ContactListRecord>();
	readonly tickets = new Map<string, TicketRecord>();
	readonly ticket_comments = new Map<string, TicketCommentRecord>();
	readonly pipelines = new Map<string, PipelineRecord>();
	readonly deals = new Map<string, DealRecord>();
	readonly ai_agents = new Map<string, AiAgentRecord>();
	readonly labels = new Map<number, LabelRecord>();
	readonly canned_responses = new Map<number, CannedResponseRecord>();
	readonly custom_attribute_definitions = new Map<number, CustomAttributeDefinitionRecord>();
	readonly account_webhooks = new Map<number, AccountWebhookRecord>();
	readonly outbound_webhooks = new Map<string, OutboundWebhookRecord>();

	private readonly sequences = new Map<string, number>();
	private readonly versions = new Map<string, number>();
	private readonly queryCache = new Map<string, { version: string; value: unknown }>();
	private readonly uniqueContactValues = new Map<string, number>();
	private readonly conversationsByDisplayId = new Map<string, number>();
	private readonly messagesByConversation = new Map<number, MessageRecord[]>();
	private readonly contactInboxesByContact = new Map<number, ContactInboxRecord[]>();
	private readonly contactInboxesBySource = new Map<string, number>();
	/** Attachment bytes by blob key (served at the attachments' `data_url`); not a collection, so never listed. */
	readonly blobs = new Map<string, { data: Buffer; contentType: string; fileName: string }>();

	/** Empties every collection and index and restarts the id sequences. */
	clear(): void {
		for (const name of COLLECTIONS) this[name].clear();
		this.sequences.clear();
		this.queryCache.clear();
		this.uniqueContactValues.clear();
		this.conversationsByDisplayId.clear();
		this.messagesByConversation.clear();
		this.contactInboxesByContact.clear();
		this.contactInboxesBySource.clear();
		this.blobs.clear();
		for (const name of COLLECTIONS) this.changed(name);
	}

	/** The next auto-increment id of a sequence (a collection name, or `display_id:<account>`). */
	nextId(sequence: string): number {
		const next = (this.sequences.get(sequence) ?? 0) + 1;
		this.sequences.set(sequence, next);
		return next;
	}

	/** Marks a collection as changed: cached queries over it are recomputed on next use. */
	changed(collection: CollectionName): void {
		this.versions.set(collection, (this.versions.get(collection) ?? 0) + 1);
	}

	/**
	 * A value (typically a sorted, filtered list) computed from one or more collections, cached until one
	 * of them changes. Paging through the same query (Return All) then costs O(page) per request instead
	 * of a scan and a sort.
	 */
	cached<T>(dependsOn: readonly CollectionName[], key: string, compute: () => T): T {
		const version = dependsOn.map((name) => this.versions.get(name) ?? 0).join(',');
		const cacheKey = `${dependsOn.join(',')}|${key}`;
		const hit = this.queryCache.get(cacheKey);
		if (hit && hit.version === version) {
			// refresh its position so the least recently used entry is evicted first
			this.queryCache.delete(cacheKey);
			this.queryCache.set(cacheKey, hit);
			return hit.value as T;
		}
		const value = compute();
		this.queryCache.set(cacheKey, { version, value });
		if (this.queryCache.size > QUERY_CACHE_SIZE) {
			const oldest = this.queryCache.keys().next().value;
			if (oldest !== undefined) this.queryCache.delete(oldest);
		}
		return value;
	}

	/** A collection as a plain array (the control surface's view of the store). */
	list(name: CollectionName): CollectionTypes[CollectionName][] {
		return [...this[name].values()];
	}

	// ---- simple collections ------------------------------------------------------------------

	insertAccount(data: Omit<AccountRecord, 'id'>): AccountRecord {
		const record: AccountRecord = { id: this.nextId('accounts'), ...data };
		this.accounts.set(record.id, record);
		this.changed('accounts');
		return record;
	}

	insertUser(data: Omit<UserRecord, 'id'>): UserRecord {
		const record: UserRecord = { id: this.nextId('users'), ...data };
		this.users.set(record.id, record);
		this.changed('users');
		return record;
	}

	insertInbox(data: Omit<InboxRecord, 'id'>): InboxRecord {
		const record: InboxRecord = { id: this.nextId('inboxes'), ...data };
		this.inboxes.set(record.id, record);
		this.changed('inboxes');
		return record;
	}

	insertTeam(data: Omit<TeamRecord, 'id'>): TeamRecord {
		const record: TeamRecord = { id: this.nextId('teams'), ...data };
		this.teams.set(record.id, record);
		this.changed('teams');
		return record;
	}

	/** A record of `collection` with that id, only when it belongs to the account. */
	inAccount<T extends { account_id: number }>(
		map: Map<number, T>,
		accountId: number,
		id: number,
	): T | undefined {
		const record = map.get(id);
		return record && record.account_id === accountId ? record : undefined;
	}

	// ---- labels, canned responses, custom attribute definitions (no indexes) -----------------

	insertPlain<N extends PlainCollection>(
		name: N,
		data: Omit<CollectionTypes[N], 'id'>,
	): CollectionTypes[N] {
		const record = { id: this.nextId(name), ...data } as CollectionTypes[N];
		(this[name] as Map<number, CollectionTypes[N]>).set(record.id, record);
		this.changed(name);
		return record;
	}

	updatePlain<N extends PlainCollection>(
		name: N,
		record: CollectionTypes[N],
		patch: Partial<Omit<CollectionTypes[N], 'id' | 'account_id'>>,
	): CollectionTypes[N] {
		Object.assign(record, patch);
		this.changed(name);
		return record;
	}

	deletePlain(name: PlainCollection, id: number): void {
		this[name].delete(id);
		this.changed(name);
	}

	/** The account's records of a collection, ascending by id. */
	ofAccount<N extends PlainCollection | 'inboxes' | 'teams'>(
		name: N,
		accountId: number,
	): CollectionTypes[N][] {
		const list: CollectionTypes[N][] = [];
		for (const record of (this[name] as Map<number, CollectionTypes[N]>).values())
			if (record.account_id === accountId) list.push(record);
		return list.sort((a, b) => a.id - b.id);
	}

	// ---- inboxes, teams and agents (cascades) ------------------------------------------------

	updateInbox(
		inbox: InboxRecord,
		patch: Partial<Omit<InboxRecord, 'id' | 'account_id'>>,
	): InboxRecord {
		Object.assign(inbox, patch);
		this.changed('inboxes');
		return inbox;
	}

	/** Deletes the inbox with its conversations (and their messages) and its contact inboxes, as Chatwoot does. */
	deleteInbox(inbox: InboxRecord): void {
		for (const conversation of [...this.conversations.values()]) {
			if (conversation.inbox_id === inbox.id) this.deleteConversation(conversation);
		}
		for (const contactInbox of [...this.contact_inboxes.values()]) {
			if (contactInbox.inbox_id !== inbox.id) continue;
			this.contact_inboxes.delete(contactInbox.id);
			this.contactInboxesBySource.delete(`${contactInbox.inbox_id}|${contactInbox.source_id}`);
			const list = this.contactInboxesByContact.get(contactInbox.contact_id);
			if (list)
				this.contactInboxesByContact.set(
					contactInbox.contact_id,
					list.filter((item) => item.id !== contactInbox.id),
				);
		}
		this.inboxes.delete(inbox.id);
		this.changed('contact_inboxes');
		this.changed('contacts');
		this.changed('inboxes');
	}

	updateTeam(team: TeamRecord, patch: Partial<Omit<TeamRecord, 'id' | 'account_id'>>): TeamRecord {
		Object.assign(team, patch);
		this.changed('teams');
		return team;
	}

	/** Deletes the team; its conversations keep going without a team. */
	deleteTeam(team: TeamRecord): void {
		for (const conversation of this.conversations.values()) {
			if (conversation.team_id === team.id) conversation.team_id = null;
		}
		this.teams.delete(team.id);
		this.changed('conversations');
		this.changed('teams');
	}

	updateUser(user: UserRecord, patch: Partial<Omit<UserRecord, 'id'>>): UserRecord {
		Object.assign(user, patch);
		this.changed('users');
		return user;
	}

	/**
	 * Takes the user out of the account: out of its teams and inboxes, unassigned from its conversations.
	 * The user record goes too when it belongs to no other account.
	 */
	removeUserFromAccount(user: UserRecord, accountId: number): void {
		for (const team of this.teams.values()) {
			if (team.account_id === accountId)
				team.member_ids = team.member_ids.filter((id) => id !== user.id);
		}
		for (const inbox of this.inboxes.values()) {
			if (inbox.account_id === accountId && inbox.member_ids)
				inbox.member_ids = inbox.member_ids.filter((id) => id !== user.id);
		}
		for (const conversation of this.conversations.values()) {
			if (conversation.account_id === accountId && conversation.assignee_id === user.id)
				conversation.assignee_id = null;
		}
		const roles = { ...user.roles };
		delete roles[accountId];
		user.roles = roles;
		if (Object.keys(roles).length === 0) this.users.delete(user.id);
		this.changed('teams');
		this.changed('inboxes');
		this.changed('conversations');
		this.changed('users');
	}

	// ---- v2 records (UUID ids, no indexes) --------------------------------------------------

	insertV2<N extends V2Collection>(name: N, record: CollectionTypes[N]): CollectionTypes[N] {
		(this[name] as Map<string, CollectionTypes[N]>).set(record.id, record);
		this.changed(name);
		return record;
	}

	updateV2<N extends V2Collection>(
		name: N,
		record: CollectionTypes[N],
		patch: Partial<Omit<CollectionTypes[N], 'id' | 'account_id'>>,
	): CollectionTypes[N] {
		Object.assign(record, patch);
		this.changed(name);
		return record;
	}

	deleteV2(name: V2Collection, id: string): void {
		this[name].delete(id);
		this.changed(name);
	}

	/** The v2 record with that id, only when it belongs to the account. */
	v2InAccount<N extends V2Collection>(
		name: N,
		accountId: number,
		id: string,
	): CollectionTypes[N] | undefined {
		const record = (this[name] as Map<string, CollectionTypes[N]>).get(id);
		return record && record.account_id === accountId ? record : undefined;
	}

	/** The account's v2 records of a collection, in insertion order. */
	v2OfAccount<N extends V2Collection>(name: N, accountId: number): CollectionTypes[N][] {
		const list: CollectionTypes[N][] = [];
		for (const record of (this[name] as Map<string, CollectionTypes[N]>).values())
			if (record.account_id === accountId) list.push(record);
		return list;
	}

	// ---- contacts ----------------------------------------------------------------------------

	private uniqueKeys(
		contact: Pick<ContactRecord, 'account_id' | 'email' | 'phone_number' | 'identifier'>,
	): string[] {
		const keys: string[] = [];
		if (contact.email) keys.push(`${contact.account_id}|email|${lower(contact.email)}`);
		if (contact.phone_number)
			keys.push(`${contact.account_id}|phone_number|${contact.phone_number}`);
		if (contact.identifier) keys.push(`${contact.account_id}|identifier|${contact.identifier}`);
		return keys;
	}

	/** The id of the contact of the account that holds this email (case-insensitive), phone or identifier. */
	contactIdByUnique(
		accountId: number,
		field: 'email' | 'phone_number' | 'identifier',
		value: string,
	): number | undefined {
		const normalized = field === 'email' ? lower(value) : value;
		return this.uniqueContactValues.get(`${accountId}|${field}|${normalized}`);
	}

	insertContact(data: Omit<ContactRecord, 'id'>): ContactRecord {
		const record: ContactRecord = { id: this.nextId('contacts'), ...data };
		this.contacts.set(record.id, record);
		for (const key of this.uniqueKeys(record)) this.uniqueContactValues.set(key, record.id);
		this.changed('contacts');
		return record;
	}

	updateContact(
		contact: ContactRecord,
		patch: Partial<Omit<ContactRecord, 'id' | 'account_id'>>,
	): ContactRecord {
		for (const key of this.uniqueKeys(contact)) this.uniqueContactValues.delete(key);
		Object.assign(contact, patch);
		for (const key of this.uniqueKeys(contact)) this.uniqueContactValues.set(key, contact.id);
		this.changed('contacts');
		return contact;
	}

	/** Deletes the contact with its contact inboxes, conversations and their messages (Chatwoot cascades). */
	deleteContact(contact: ContactRecord): void {
		for (const conversation of [...this.conversations.values()]) {
			if (conversation.contact_id === contact.id) this.deleteConversation(conversation);
		}
		for (const contactInbox of this.contactInboxesOf(contact.id)) {
			this.contact_inboxes.delete(contactInbox.id);
			this.contactInboxesBySource.delete(`${contactInbox.inbox_id}|${contactInbox.source_id}`);
		}
		this.contactInboxesByContact.delete(contact.id);
		for (const key of this.uniqueKeys(contact)) this.uniqueContactValues.delete(key);
		this.contacts.delete(contact.id);
		this.changed('contact_inboxes');
		this.changed('contacts');
	}

	// ---- contact inboxes ---------------------------------------------------------------------

	contactInboxesOf(contactId: number): ContactInboxRecord[] {
		return this.contactInboxesByContact.get(contactId) ?? [];
	}

	contactInboxBySource(inboxId: number, sourceId: string): ContactInboxRecord | undefined {
		const id = this.contactInboxesBySource.get(`${inboxId}|${sourceId}`);
		return id === undefined ? undefined : this.contact_inboxes.get(id);
	}

	insertContactInbox(data: Omit<ContactInboxRecord, 'id'>): ContactInboxRecord {
		const record: ContactInboxRecord = { id: this.nextId('contact_inboxes'), ...data };
		this.contact_inboxes.set(record.id, record);
		const list = this.contactInboxesByContact.get(record.contact_id);
		if (list) list.push(record);
		else this.contactInboxesByContact.set(record.contact_id, [record]);
		this.contactInboxesBySource.set(`${record.inbox_id}|${record.source_id}`, record.id);
		this.changed('contact_inboxes');
		this.changed('contacts');
		return record;
	}

	/** Moves a contact inbox to another contact (contact merge). */
	reassignContactInbox(record: ContactInboxRecord, contactId: number): void {
		const from = this.contactInboxesByContact.get(record.contact_id);
		if (from) {
			const rest = from.filter((item) => item.id !== record.id);
			if (rest.length > 0) this.contactInboxesByContact.set(record.contact_id, rest);
			else this.contactInboxesByContact.delete(record.contact_id);
		}
		record.contact_id = contactId;
		const to = this.contactInboxesByContact.get(contactId);
		if (to) to.push(record);
		else this.contactInboxesByContact.set(contactId, [record]);
		this.changed('contact_inboxes');
		this.changed('contacts');
	}

	// ---- conversations -----------------------------------------------------------------------

	conversationByDisplayId(accountId: number, displayId: number): ConversationRecord | undefined {
		const id = this.conversationsByDisplayId.get(`${accountId}|${displayId}`);
		return id === undefined ? undefined : this.conversations.get(id);
	}

	insertConversation(data: Omit<ConversationRecord, 'id' | 'display_id'>): ConversationRecord {
		const record: ConversationRecord = {
			id: this.nextId('conversations'),
			display_id: this.nextId(`display_id:${data.account_id}`),
			...data,
		};
		this.conversations.set(record.id, record);
		this.conversationsByDisplayId.set(`${record.account_id}|${record.display_id}`, record.id);
		this.messagesByConversation.set(record.id, []);
		this.changed('conversations');
		return record;
	}

	updateConversation(
		conversation: ConversationRecord,
		patch: Partial<Omit<ConversationRecord, 'id' | 'display_id' | 'account_id'>>,
	): ConversationRecord {
		Object.assign(conversation, patch);
		this.changed('conversations');
		return conversation;
	}

	deleteConversation(conversation: ConversationRecord): void {
		for (const message of this.messagesOf(conversation.id)) {
			for (const attachment of message.attachments ?? []) this.blobs.delete(attachment.blob_key);
			this.messages.delete(message.id);
		}
		this.messagesByConversation.delete(conversation.id);
		this.conversationsByDisplayId.delete(`${conversation.account_id}|${conversation.display_id}`);
		this.conversations.delete(conversation.id);
		this.changed('messages');
		this.changed('conversations');
	}

	// ---- messages ----------------------------------------------------------------------------

	/** The conversation's messages, ascending by id. Do not mutate the array. */
	messagesOf(conversationId: number): readonly MessageRecord[] {
		return this.messagesByConversation.get(conversationId) ?? [];
	}

	lastMessageOf(
		conversationId: number,
		predicate?: (message: MessageRecord) => boolean,
	): MessageRecord | undefined {
		const list = this.messagesOf(conversationId);
		for (let i = list.length - 1; i >= 0; i--) {
			if (!predicate || predicate(list[i])) return list[i];
		}
		return undefined;
	}

	/**
	 * Up to `limit` messages of the conversation with `after` < id < `before` (either bound optional):
	 * the newest of them when only `before` (or no bound) is given, the oldest when `after` is given;
	 * always returned oldest first. Binary search: O(log n + limit).
	 */
	messageWindow(
		conversationId: number,
		bounds: { before?: number; after?: number },
		limit: number,
	): MessageRecord[] {
		const list = this.messagesOf(conversationId);
		const start = bounds.after === undefined ? 0 : lowerBound(list, bounds.after + 1);
		const end = bounds.before === undefined ? list.length : lowerBound(list, bounds.before);
		if (end <= start) return [];
		if (bounds.after !== undefined) return list.slice(start, Math.min(end, start + limit));
		return list.slice(Math.max(start, end - limit), end);
	}

	insertMessage(data: Omit<MessageRecord, 'id'>): MessageRecord {
		const record: MessageRecord = { id: this.nextId('messages'), ...data };
		this.messages.set(record.id, record);
		const list = this.messagesByConversation.get(record.conversation_id);
		if (list) list.push(record);
		else this.messagesByConversation.set(record.conversation_id, [record]);
		this.changed('messages');
		return record;
	}
}
