// Conversations (v1), beyond list / create / get / status: counts, search, filter, update, delete, priority,
// assignment, labels, custom attributes and the typing indicator. Reference: docs/chatwoot-v1.md §4.1 (C2–C4,
// C7–C14), §5 (filter payload). Each change raises its docs/contract.md §4 domain event.
import { noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { conversationFilter, type FilterCondition } from '../filters.ts';
import { ApiError, validationFailed } from '../rules.ts';
import type {
	Attributes,
	ConversationPriority,
	ConversationRecord,
	Store,
	TeamRecord,
} from '../store.ts';
import { agentView, conversationView, userPushView } from '../views.ts';
import { CONVERSATIONS_PER_PAGE, conversationHandlers } from './conversation.ts';
import { findConversation } from './message.ts';

/** Label titles (conversation and contact tags): letters, digits, `-` and `_`. */
export const LABEL_TITLE = /^[\p{L}\p{N}_-]+$/u;

/** The labels of a set-labels body, checked and de-duplicated in the order given. */
export function labelsFrom(input: unknown): string[] {
	const labels = Array.isArray(input)
		? input.map((label) => String(label).trim()).filter((label) => label !== '')
		: [];
	const invalid = labels.filter((label) => !LABEL_TITLE.test(label));
	if (invalid.length > 0)
		throw validationFailed({
			labels: [`may contain only letters, digits, - and _ (invalid: ${invalid.join(', ')})`],
		});
	return [...new Set(labels)];
}

function view(context: HandlerContext, conversation: ConversationRecord) {
	return conversationView(context.store, conversation, context.user.id);
}

function emitUpdated(context: HandlerContext, conversation: ConversationRecord): void {
	context.emit('conversation.updated', view(context, conversation));
}

/** C2: the counts of `GET /conversations` for the same filters, without the list. */
async function getCounts(context: HandlerContext) {
	const list = await conversationHandlers['conversation.getMany']({
		...context,
		query: { ...context.query, page: 1, assignee_type: 'all' },
	});
	const body = list.body as { data: { meta: unknown } };
	return ok({ meta: body.data.meta });
}

function byActivity(list: ConversationRecord[]): ConversationRecord[] {
	return list.sort(
		(a, b) => b.last_activity_at - a.last_activity_at || b.display_id - a.display_id,
	);
}

function counts(list: readonly ConversationRecord[], userId: number) {
	let mine = 0;
	let unassigned = 0;
	for (const conversation of list) {
		if (conversation.assignee_id === userId) mine += 1;
		if (conversation.assignee_id === null) unassigned += 1;
	}
	return { mine_count: mine, unassigned_count: unassigned, all_count: list.length };
}

function accountConversations(store: Store, accountId: number): ConversationRecord[] {
	const list: ConversationRecord[] = [];
	for (const conversation of store.conversations.values())
		if (conversation.account_id === accountId) list.push(conversation);
	return list;
}

/** C3: conversations (any status) with a message whose content matches `q`, in the slim search shape. */
function search(context: HandlerContext) {
	const { store, accountId, query, user } = context;
	const q = String(query.q).toLowerCase();
	const page = query.page as number;
	const matches = store.cached(['conversations', 'messages'], `search|${accountId}|${q}`, () =>
		byActivity(
			accountConversations(store, accountId).filter((conversation) =>
				store
					.messagesOf(conversation.id)
					.some(
						(message) =>
							message.message_type <= 1 &&
							message.content !== null &&
							message.content.toLowerCase().includes(q),
					),
			),
		),
	);
	const start = (page - 1) * CONVERSATIONS_PER_PAGE;
	const payload = matches.slice(start, start + CONVERSATIONS_PER_PAGE).map((conversation) => {
		const contact = store.contacts.get(conversation.contact_id);
		const inbox = store.inboxes.get(conversation.inbox_id);
		const messages = store
			.messagesOf(conversation.id)
			.filter(
				(message) =>
					message.message_type <= 1 &&
					message.content !== null &&
					message.content.toLowerCase().includes(q),
			)
			.map((message) => {
				const sender =
					message.sender_type === 'Contact'
						? contact
						: message.sender_id === null
							? undefined
							: store.users.get(message.sender_id);
				return {
					id: message.id,
					content: message.content,
					sender_name: sender?.name ?? null,
					message_type: message.message_type,
					created_at: message.created_at,
				};
			});
		return {
			id: conversation.display_id,
			uuid: conversation.uuid,
			created_at: conversation.created_at,
			account_id: conversation.account_id,
			contact: contact ? { id: contact.id, name: contact.name } : null,
			inbox: inbox ? { id: inbox.id, name: inbox.name, channel_type: inbox.channel_type } : null,
			messages,
		};
	});
	return ok({ meta: counts(matches, user.id), payload });
}

/** C4: the conditions of §5, 25 a page, newest activity first. */
function filter(context: HandlerContext) {
	const { store, accountId, query, user, now } = context;
	const conditions = context.body.payload as FilterCondition[];
	const page = query.page as number;
	const matches = conversationFilter(store, accountId, conditions, now);
	const list = byActivity(accountConversations(store, accountId).filter(matches));
	const start = (page - 1) * CONVERSATIONS_PER_PAGE;
	return ok({
		meta: counts(list, user.id),
		payload: list
			.slice(start, start + CONVERSATIONS_PER_PAGE)
			.map((conversation) => view(context, conversation)),
	});
}

/** C7: priority and SLA policy. */
function update(context: HandlerContext) {
	const { store, now } = context;
	const conversation = findConversation(context);
	const input = context.body as {
		priority?: ConversationPriority | null;
		sla_policy_id?: number | null;
	};
	const patch: Partial<ConversationRecord> = {};
	if (input.priority !== undefined) patch.priority = input.priority;
	if (input.sla_policy_id !== undefined) patch.sla_policy_id = input.sla_policy_id;
	const changed = Object.entries(patch).some(
		([key, value]) => conversation[key as keyof ConversationRecord] !== value,
	);
	store.updateConversation(conversation, { ...patch, updated_at: now });
	if (changed) emitUpdated(context, conversation);
	return ok(view(context, conversation));
}

/** C8: deletes the conversation and its messages. */
function remove(context: HandlerContext) {
	context.store.deleteConversation(findConversation(context));
	return noContent();
}

/** C10: sets (or with null / empty, clears) the priority. */
function setPriority(context: HandlerContext) {
	const conversation = findConversation(context);
	const raw = context.body.priority as string | null | undefined;
	const priority =
		raw === undefined || raw === null || raw === '' ? null : (raw as ConversationPriority);
	if (conversation.priority !== priority) {
		context.store.updateConversation(conversation, { priority, updated_at: context.now });
		emitUpdated(context, conversation);
	}
	return noContent();
}

function rawTeamView(team: TeamRecord) {
	return {
		id: team.id,
		name: team.name,
		description: team.description,
		allow_auto_assign: team.allow_auto_assign,
		account_id: team.account_id,
		created_at: team.created_at,
		updated_at: team.created_at,
	};
}

/**
 * C11: `assignee_id` (an agent of the account; null or an unknown id unassigns) or `team_id` (an unknown id
 * clears the team). With both, only the agent is applied. Answers the agent, the team or null.
 */
function assign(context: HandlerContext) {
	const { store, accountId, now } = context;
	const conversation = findConversation(context);
	const body = context.body as {
		assignee_id?: number | null;
		assignee_type?: string;
		team_id?: number | null;
	};
	if (body.assignee_type !== undefined && body.assignee_type !== 'User') {
		throw validationFailed({
			assignee_type: ['only agents (User) can be assigned: this account has no agent bots'],
		});
	}
	if ('assignee_id' in body) {
		const candidate =
			body.assignee_id === null || body.assignee_id === undefined
				? undefined
				: store.users.get(body.assignee_id);
		const assignee = candidate && candidate.roles[accountId] !== undefined ? candidate : undefined;
		const assigneeId = assignee?.id ?? null;
		if (conversation.assignee_id !== assigneeId) {
			store.updateConversation(conversation, { assignee_id: assigneeId, updated_at: now });
			context.emit('conversation.assigned', view(context, conversation));
			emitUpdated(context, conversation);
		}
		return ok(assignee ? agentView(assignee, accountId) : null);
	}
	if ('team_id' in body) {
		const team =
			body.team_id === null || body.team_id === undefined
				? undefined
				: store.inAccount(store.teams, accountId, body.team_id);
		const teamId = team?.id ?? null;
		if (conversation.team_id !== teamId) {
			store.updateConversation(conversation, { team_id: teamId, updated_at: now });
			context.emit('conversation.assigned', view(context, conversation));
			emitUpdated(context, conversation);
		}
		return ok(team ? rawTeamView(team) : null);
	}
	throw validationFailed({ assignee_id: ['send assignee_id or team_id'] });
}

function getLabels(context: HandlerContext) {
	return ok({ payload: findConversation(context).labels });
}

/** C12: replaces the whole label set. */
function setLabels(context: HandlerContext) {
	const conversation = findConversation(context);
	const labels = labelsFrom(context.body.labels);
	const changed =
		labels.length !== conversation.labels.length ||
		labels.some((label, index) => conversation.labels[index] !== label);
	context.store.updateConversation(conversation, { labels, updated_at: context.now });
	if (changed) emitUpdated(context, conversation);
	return ok({ payload: conversation.labels });
}

/** C13: replaces the custom attributes (no merge). */
function setCustomAttributes(context: HandlerContext) {
	const conversation = findConversation(context);
	const attributes = { ...(context.body.custom_attributes as Attributes) };
	context.store.updateConversation(conversation, {
		custom_attributes: attributes,
		updated_at: context.now,
	});
	emitUpdated(context, conversation);
	return ok({ custom_attributes: conversation.custom_attributes });
}

/** C14: shows or hides "agent is typing" to the contact (or to agents only, with is_private). */
function setTyping(context: HandlerContext) {
	const conversation = findConversation(context);
	const { typing_status: status, is_private: isPrivate } = context.body as {
		typing_status: 'on' | 'off';
		is_private?: boolean;
	};
	if (status !== 'on' && status !== 'off')
		throw new ApiError(422, 'typing_status must be on or off', {
			typing_status: ['must be one of: on, off'],
		});
	context.emit(`conversation.typing_${status}`, {
		conversation: view(context, conversation),
		user: userPushView(context.user),
		is_private: isPrivate ?? false,
	});
	return noContent();
}

export const conversationActionHandlers: HandlerMap = {
	'conversation.getCounts': getCounts,
	'conversation.search': search,
	'conversation.filter': filter,
	'conversation.update': update,
	'conversation.delete': remove,
	'conversation.setPriority': setPriority,
	'conversation.assign': assign,
	'conversation.getLabels': getLabels,
	'conversation.setLabels': setLabels,
	'conversation.setCustomAttributes': setCustomAttributes,
	'conversation.setTyping': setTyping,
};
