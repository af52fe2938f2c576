// Tickets (v2): work items about a contact, optionally linked to a conversation. Reference:
// docs/contract.md §3 (statuses open, pending, on_hold, solved, closed).
//
// State machine: any status can move to any other, except that `closed` is terminal — a closed ticket
// can not be changed or commented on any more (409). Moving to `solved` sets `solved_at` (cleared when
// the ticket is reopened), moving to `closed` sets `closed_at`.
// Events: `ticket.created`; `ticket.updated` on every change (a new comment too); also
// `ticket.status_changed` (with `previous_status`) when the status changed.
import { randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { ApiError } from '../rules.ts';
import type { Attributes, ConversationPriority, TicketRecord, TicketStatus } from '../store.ts';
import { ticketCommentView, ticketView } from '../views.ts';
import { findV2, listPage, Problems, referenceChecks, sent } from './v2.ts';

interface TicketInput {
	subject?: string;
	description?: string | null;
	contact_id?: number;
	conversation_id?: number | null;
	status?: TicketStatus;
	priority?: ConversationPriority | null;
	assignee_id?: number | null;
	team_id?: number | null;
	labels?: string[];
	custom_attributes?: Attributes;
	due_at?: number | null;
}

function checkReferences(context: HandlerContext, input: TicketInput): void {
	const problems = new Problems();
	const refs = referenceChecks(context, problems);
	refs.contact('contact_id', input.contact_id);
	refs.conversation('conversation_id', input.conversation_id);
	refs.user('assignee_id', input.assignee_id);
	refs.team('team_id', input.team_id);
	problems.throwIfAny();
}

/** The timestamps a status change sets. */
function statusStamps(
	status: TicketStatus,
	now: number,
	ticket?: TicketRecord,
): Pick<TicketRecord, 'solved_at' | 'closed_at'> {
	return {
		solved_at:
			status === 'solved'
				? ticket?.status === 'solved'
					? ticket.solved_at
					: now
				: status === 'closed'
					? (ticket?.solved_at ?? null)
					: null,
		closed_at: status === 'closed' ? now : null,
	};
}

function getMany(context: HandlerContext) {
	const { store, accountId, query } = context;
	const q = typeof query.q === 'string' ? query.q.toLowerCase() : undefined;
	const items = store
		.v2OfAccount('tickets', accountId)
		.filter(
			(ticket) =>
				(query.status === undefined || ticket.status === query.status) &&
				(query.priority === undefined || ticket.priority === query.priority) &&
				(query.assignee_id === undefined || ticket.assignee_id === query.assignee_id) &&
				(query.team_id === undefined || ticket.team_id === query.team_id) &&
				(query.contact_id === undefined || ticket.contact_id === query.contact_id) &&
				(q === undefined ||
					ticket.subject.toLowerCase().includes(q) ||
					(ticket.description ?? '').toLowerCase().includes(q)),
		);
	return listPage(context, items, ticketView);
}

function create(context: HandlerContext) {
	const { store, accountId, now } = context;
	const input = context.body as unknown as TicketInput & { subject: string; contact_id: number };
	checkReferences(context, input);
	const status = input.status ?? 'open';
	const ticket = store.insertV2('tickets', {
		id: randomUUID(),
		number: store.nextId(`ticket_number:${accountId}`),
		account_id: accountId,
		subject: input.subject,
		description: input.description ?? null,
		status,
		priority: input.priority ?? null,
		contact_id: input.contact_id,
		conversation_id: input.conversation_id ?? null,
		assignee_id: input.assignee_id ?? null,
		team_id: input.team_id ?? null,
		labels: [...new Set(input.labels ?? [])],
		custom_attributes: { ...(input.custom_attributes ?? {}) },
		due_at: input.due_at ?? null,
		...statusStamps(status, now),
		created_at: now,
		updated_at: now,
	});
	const view = ticketView(ticket);
	context.emit('ticket.created', view);
	return created(view);
}

function get(context: HandlerContext) {
	return ok(ticketView(findV2(context, 'tickets', 'ticket_id', 'Ticket')));
}

function refuseIfClosed(ticket: TicketRecord, action: string): void {
	if (ticket.status === 'closed')
		throw new ApiError(
			409,
			`Ticket #${ticket.number} is closed: closed tickets can not be ${action}`,
		);
}

function update(context: HandlerContext) {
	const { store, now, body } = context;
	const ticket = findV2(context, 'tickets', 'ticket_id', 'Ticket');
	refuseIfClosed(ticket, 'changed');
	const input = body as TicketInput;
	checkReferences(context, input);
	const previous = ticket.status;
	const patch: Partial<TicketRecord> = { updated_at: now };
	for (const field of [
		'subject',
		'description',
		'contact_id',
		'conversation_id',
		'priority',
		'assignee_id',
		'team_id',
		'due_at',
	] as const) {
		if (sent(body, field)) (patch as Record<string, unknown>)[field] = input[field] ?? null;
	}
	if (sent(body, 'labels')) patch.labels = [...new Set(input.labels ?? [])];
	if (sent(body, 'custom_attributes'))
		patch.custom_attributes = { ...ticket.custom_attributes, ...(input.custom_attributes ?? {}) };
	if (input.status !== undefined && input.status !== previous)
		Object.assign(patch, { status: input.status }, statusStamps(input.status, now, ticket));
	store.updateV2('tickets', ticket, patch);
	const view = ticketView(ticket);
	context.emit('ticket.updated', view);
	if (ticket.status !== previous)
		context.emit('ticket.status_changed', { ...view, previous_status: previous });
	return ok(view);
}

function remove(context: HandlerContext) {
	const { store } = context;
	const ticket = findV2(context, 'tickets', 'ticket_id', 'Ticket');
	for (const comment of [...store.ticket_comments.values()])
		if (comment.ticket_id === ticket.id) store.deleteV2('ticket_comments', comment.id);
	store.deleteV2('tickets', ticket.id);
	return noContent();
}

function addComment(context: HandlerContext) {
	const { store, accountId, now, user } = context;
	const ticket = findV2(context, 'tickets', 'ticket_id', 'Ticket');
	refuseIfClosed(ticket, 'commented on');
	const input = context.body as { content: string; private?: boolean };
	const comment = store.insertV2('ticket_comments', {
		id: randomUUID(),
		account_id: accountId,
		ticket_id: ticket.id,
		content: input.content,
		private: input.private ?? false,
		author_id: user.id,
		created_at: now,
	});
	store.updateV2('tickets', ticket, { updated_at: now });
	context.emit('ticket.updated', ticketView(ticket));
	return created(ticketCommentView(store, comment));
}

function getComments(context: HandlerContext) {
	const { store, accountId } = context;
	const ticket = findV2(context, 'tickets', 'ticket_id', 'Ticket');
	const comments = store
		.v2OfAccount('ticket_comments', accountId)
		.filter((comment) => comment.ticket_id === ticket.id);
	return listPage(context, comments, (comment) => ticketCommentView(store, comment));
}

export const ticketHandlers: HandlerMap = {
	'ticket.getMany': getMany,
	'ticket.create': create,
	'ticket.get': get,
	'ticket.update': update,
	'ticket.delete': remove,
	'ticket.addComment': addComment,
	'ticket.getComments': getComments,
};
