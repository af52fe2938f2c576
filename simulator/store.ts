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
}

interface CollectionTypes {
	accounts: AccountRecord;
	users: UserRecord;
	inboxes: InboxRecord;
	teams: TeamRecord;
	contacts: ContactRecord;
	contact_inboxes: ContactInboxRecord;
	conversations: ConversationRecord;
	messages: MessageRecord;
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
];

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

	private readonly sequences = new Map<string, number>();
	private readonly versions = new Map<string, number>();
	private readonly queryCache = new Map<string, { version: string; value: unknown }>();
	private readonly uniqueContactValues = new Map<string, number>();
	private readonly conversationsByDisplayId = new Map<string, number>();
	private readonly messagesByConversation = new Map<number, MessageRecord[]>();
	private readonly contactInboxesByContact = new Map<number, ContactInboxRecord[]>();
	private readonly contactInboxesBySource = new Map<string, number>();

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
	inAccount<T extends { account_id: number }>(map: Map<number, T>, accountId: number, id: number): T | undefined {
		const record = map.get(id);
		return record && record.account_id === accountId ? record : undefined;
	}

	// ---- contacts ----------------------------------------------------------------------------

	private uniqueKeys(contact: Pick<ContactRecord, 'account_id' | 'email' | 'phone_number' | 'identifier'>): string[] {
		const keys: string[] = [];
		if (contact.email) keys.push(`${contact.account_id}|email|${lower(contact.email)}`);
		if (contact.phone_number) keys.push(`${contact.account_id}|phone_number|${contact.phone_number}`);
		if (contact.identifier) keys.push(`${contact.account_id}|identifier|${contact.identifier}`);
		return keys;
	}

	/** The id of the contact of the account that holds this email (case-insensitive), phone or identifier. */
	contactIdByUnique(accountId: number, field: 'email' | 'phone_number' | 'identifier', value: string): number | undefined {
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

	updateContact(contact: ContactRecord, patch: Partial<Omit<ContactRecord, 'id' | 'account_id'>>): ContactRecord {
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
		for (const message of this.messagesOf(conversation.id)) this.messages.delete(message.id);
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

	lastMessageOf(conversationId: number, predicate?: (message: MessageRecord) => boolean): MessageRecord | undefined {
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
	messageWindow(conversationId: number, bounds: { before?: number; after?: number }, limit: number): MessageRecord[] {
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
