// Conversations (v1), addressed by their per-account display id. Reference: docs/chatwoot-v1.md §3.1, §4.1.
import { randomUUID } from 'node:crypto';
import { created, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import type {
	Attributes,
	ContactInboxRecord,
	ContactRecord,
	ConversationPriority,
	ConversationRecord,
	ConversationStatus,
	Store,
} from '../store.ts';
import { conversationView, messageView } from '../views.ts';
import { defaultSourceId } from './contact.ts';
import { findConversation, insertMessage, messageProblems, type MessageInput } from './message.ts';

export const CONVERSATIONS_PER_PAGE = 25;

interface ConversationInput {
	inbox_id: number;
	contact_id?: number;
	source_id?: string;
	status?: ConversationStatus;
	assignee_id?: number | null;
	team_id?: number | null;
	/** Unix seconds (HueChat) or an ISO 8601 date-time (Chatwoot's conversation_create_payload). */
	snoozed_until?: number | string | null;
	additional_attributes?: Attributes;
	custom_attributes?: Attributes;
	message?: MessageInput;
}

interface StatusInput {
	status?: ConversationStatus;
	snoozed_until?: number | null;
}

interface Counts {
	mine_count: number;
	assigned_count: number;
	unassigned_count: number;
	all_count: number;
}

/** A create's `snoozed_until` as the unix seconds the store keeps (the document has checked the date-time's form). */
function unixSeconds(value: number | string | null | undefined): number | null {
	if (value === undefined || value === null) return null;
	return typeof value === 'number' ? value : Math.floor(Date.parse(value) / 1000);
}

const PRIORITY_RANK: Record<ConversationPriority, number> = {
	low: 0,
	medium: 1,
	high: 2,
	urgent: 3,
};

type SortSpec = {
	field: 'last_activity_at' | 'created_at' | 'priority' | 'waiting_since';
	descending: boolean;
};

const SORTS: Record<string, SortSpec> = {
	last_activity_at_desc: { field: 'last_activity_at', descending: true },
	last_activity_at_asc: { field: 'last_activity_at', descending: false },
	created_at_desc: { field: 'created_at', descending: true },
	created_at_asc: { field: 'created_at', descending: false },
	priority_desc: { field: 'priority', descending: true },
	priority_asc: { field: 'priority', descending: false },
	waiting_since_desc: { field: 'waiting_since', descending: true },
	waiting_since_asc: { field: 'waiting_since', descending: false },
	// Chatwoot's legacy names
	latest: { field: 'last_activity_at', descending: true },
	sort_on_created_at: { field: 'created_at', descending: false },
	sort_on_priority: { field: 'priority', descending: true },
	sort_on_waiting_since: { field: 'waiting_since', descending: false },
};

function sortValue(conversation: ConversationRecord, field: SortSpec['field']): number | null {
	if (field === 'priority')
		return conversation.priority === null ? null : PRIORITY_RANK[conversation.priority];
	return conversation[field];
}

/** Sorted by the field (empty values last), then newest display id first: a total, stable order. */
function sortConversations(list: ConversationRecord[], spec: SortSpec): ConversationRecord[] {
	return list.sort((a, b) => {
		const av = sortValue(a, spec.field);
		const bv = sortValue(b, spec.field);
		if (av !== bv) {
			if (av === null) return 1;
			if (bv === null) return -1;
			return spec.descending ? bv - av : av - bv;
		}
		return b.display_id - a.display_id;
	});
}

function matchesContent(store: Store, conversation: ConversationRecord, q: string): boolean {
	return store
		.messagesOf(conversation.id)
		.some(
			(message) =>
				message.message_type <= 1 &&
				message.content !== null &&
				message.content.toLowerCase().includes(q),
		);
}

function getMany(context: HandlerContext) {
	const { store, accountId, query, user } = context;
	const status = (query.status as string | undefined) ?? 'open';
	const assigneeType = (query.assignee_type as string | undefined) ?? 'all';
	const inboxId = query.inbox_id as number | undefined;
	const teamId = query.team_id as number | undefined;
	const labels = (query.labels as string[] | undefined) ?? [];
	const q = typeof query.q === 'string' && query.q !== '' ? query.q.toLowerCase() : undefined;
	const sortBy = (query.sort_by as string | undefined) ?? 'last_activity_at_desc';
	const page = query.page as number;
	if (teamId !== undefined && !store.inAccount(store.teams, accountId, teamId))
		throw notFound(`Team ${teamId} not found`);

	// Everything but the assignee filter; the counts are computed on this list (as Chatwoot does).
	const baseKey = `base|${accountId}|${status}|${inboxId ?? ''}|${teamId ?? ''}|${labels.join(',')}|${q ?? ''}|${sortBy}`;
	const base = store.cached(['conversations', 'messages'], baseKey, () => {
		const list: ConversationRecord[] = [];
		for (const conversation of store.conversations.values()) {
			if (conversation.account_id !== accountId) continue;
			// the status filter is ignored when searching with q
			if (q === undefined && status !== 'all' && conversation.status !== status) continue;
			if (inboxId !== undefined && conversation.inbox_id !== inboxId) continue;
			if (teamId !== undefined && conversation.team_id !== teamId) continue;
			if (labels.length > 0 && !conversation.labels.some((label) => labels.includes(label)))
				continue;
			if (q !== undefined && !matchesContent(store, conversation, q)) continue;
			list.push(conversation);
		}
		return sortConversations(list, SORTS[sortBy] ?? SORTS.last_activity_at_desc);
	});
	const counted = store.cached(
		['conversations', 'messages'],
		`${baseKey}|user:${user.id}|assignee:${assigneeType}`,
		() => {
			const counts: Counts = {
				mine_count: 0,
				assigned_count: 0,
				unassigned_count: 0,
				all_count: base.length,
			};
			const items: ConversationRecord[] = [];
			for (const conversation of base) {
				const mine = conversation.assignee_id === user.id;
				const assigned = conversation.assignee_id !== null;
				if (mine) counts.mine_count += 1;
				if (assigned) counts.assigned_count += 1;
				else counts.unassigned_count += 1;
				if (
					assigneeType === 'all' ||
					(assigneeType === 'me' && mine) ||
					(assigneeType === 'assigned' && assigned) ||
					(assigneeType === 'unassigned' && !assigned)
				) {
					items.push(conversation);
				}
			}
			return { counts, items };
		},
	);
	const start = (page - 1) * CONVERSATIONS_PER_PAGE;
	return ok({
		data: {
			meta: counted.counts,
			payload: counted.items
				.slice(start, start + CONVERSATIONS_PER_PAGE)
				.map((conversation) => conversationView(store, conversation, user.id)),
		},
	});
}

function create(context: HandlerContext) {
	const { store, accountId, user, now } = context;
	const input = context.body as unknown as ConversationInput;
	const details: ErrorDetails = {};

	const inbox = store.inAccount(store.inboxes, accountId, input.inbox_id);
	if (!inbox) details.inbox_id = ['does not exist'];

	let contact: ContactRecord | undefined;
	let contactInbox: ContactInboxRecord | undefined;
	let newSourceId: string | undefined;
	if (input.contact_id !== undefined) {
		contact = store.inAccount(store.contacts, accountId, input.contact_id);
		if (!contact) details.contact_id = ['does not exist'];
		if (contact && inbox) {
			if (input.source_id !== undefined) {
				contactInbox = store.contactInboxBySource(inbox.id, input.source_id);
				if (contactInbox && contactInbox.contact_id !== contact.id)
					details.source_id = ['belongs to another contact of this inbox'];
				if (!contactInbox) newSourceId = input.source_id;
			} else {
				contactInbox = store
					.contactInboxesOf(contact.id)
					.find((item) => item.inbox_id === inbox.id);
				if (!contactInbox) {
					const generated = defaultSourceId(inbox, contact);
					if (generated.problem)
						details[`contact.${generated.problem[0]}`] = [generated.problem[1]];
					newSourceId = generated.sourceId;
				}
			}
		}
	} else if (input.source_id !== undefined) {
		if (inbox) {
			contactInbox = store.contactInboxBySource(inbox.id, input.source_id);
			if (!contactInbox) details.source_id = ['does not match a contact of this inbox'];
			else contact = store.contacts.get(contactInbox.contact_id);
		}
	} else {
		details.contact_id = ['is required when source_id is not given'];
	}

	if (input.assignee_id !== undefined && input.assignee_id !== null) {
		const assignee = store.users.get(input.assignee_id);
		if (!assignee || assignee.roles[accountId] === undefined)
			details.assignee_id = ['is not an agent of this account'];
	}
	if (
		input.team_id !== undefined &&
		input.team_id !== null &&
		!store.inAccount(store.teams, accountId, input.team_id)
	) {
		details.team_id = ['does not exist'];
	}
	if (input.message && inbox)
		Object.assign(details, messageProblems(input.message, inbox, 'message.'));
	if (Object.keys(details).length > 0 || !inbox || !contact) throw validationFailed(details);

	if (!contactInbox) {
		contactInbox = store.insertContactInbox({
			contact_id: contact.id,
			inbox_id: inbox.id,
			source_id: newSourceId ?? randomUUID(),
			hmac_verified: false,
			created_at: now,
		});
	}
	// a blocked contact's new conversations start resolved
	const status: ConversationStatus = contact.blocked ? 'resolved' : (input.status ?? 'open');
	const conversation = store.insertConversation({
		uuid: randomUUID(),
		account_id: accountId,
		inbox_id: inbox.id,
		contact_id: contact.id,
		contact_inbox_id: contactInbox.id,
		status,
		priority: null,
		assignee_id: input.assignee_id ?? null,
		team_id: input.team_id ?? null,
		labels: [],
		additional_attributes: { ...(input.additional_attributes ?? {}) },
		custom_attributes: { ...(input.custom_attributes ?? {}) },
		muted: false,
		snoozed_until: status === 'snoozed' ? unixSeconds(input.snoozed_until) : null,
		unread_count: 0,
		created_at: now,
		updated_at: now,
		last_activity_at: now,
		first_reply_created_at: null,
		waiting_since: null,
		agent_last_seen_at: null,
		assignee_last_seen_at: null,
		contact_last_seen_at: null,
		sla_policy_id: null,
	});
	const initial = input.message
		? insertMessage(store, conversation, input.message, user, now)
		: undefined;
	const shown = conversationView(store, conversation, user.id);
	context.emit('conversation.created', shown);
	if (initial) context.emit('message.created', messageView(store, initial));
	return created(shown);
}

function get(context: HandlerContext) {
	return ok(conversationView(context.store, findConversation(context), context.user.id));
}

function setStatus(context: HandlerContext) {
	const { store, now } = context;
	const conversation = findConversation(context);
	const input = context.body as StatusInput;
	// without a status the call toggles: open → resolved, anything else → open
	const next: ConversationStatus =
		input.status ?? (conversation.status === 'open' ? 'resolved' : 'open');
	const previous = { status: conversation.status, snoozed_until: conversation.snoozed_until };
	store.updateConversation(conversation, {
		status: next,
		snoozed_until: next === 'snoozed' ? (input.snoozed_until ?? null) : null,
		updated_at: now,
	});
	if (
		conversation.status !== previous.status ||
		conversation.snoozed_until !== previous.snoozed_until
	) {
		const shown = conversationView(store, conversation, context.user.id);
		if (conversation.status !== previous.status) context.emit('conversation.status_changed', shown);
		context.emit('conversation.updated', shown);
	}
	return ok({
		payload: {
			success: true,
			conversation_id: conversation.display_id,
			current_status: conversation.status,
			snoozed_until: conversation.snoozed_until,
		},
	});
}

export const conversationHandlers: HandlerMap = {
	'conversation.getMany': getMany,
	'conversation.create': create,
	'conversation.get': get,
	'conversation.setStatus': setStatus,
};
