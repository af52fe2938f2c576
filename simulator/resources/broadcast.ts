// Broadcasts (v2): one approved template sent to an audience of contact lists and labels. Reference:
// docs/contract.md §3. Timestamps are ISO 8601.
//
// State machine:
//   create → `draft`, or `scheduled` when `scheduled_at` (future) is set; PATCH moves between the two
//            as `scheduled_at` is set or cleared. Update and delete only while draft or scheduled → else 409.
//   send   → `sending` (draft or scheduled only → else 409 "already sent")
//   a scheduled broadcast starts `sending` by itself at `scheduled_at`
//   cancel → `cancelled` (scheduled or sending only → else 409)
//   sending → `completed` (at least one message sent) or `failed` (nothing could be sent: the template
//            is no longer approved, the audience is empty or none of it is reachable), emitting
//            `broadcast.completed` / `broadcast.failed`.
//
// Simulated delivery (deterministic): BROADCAST_SEND_MS after it started sending, the broadcast is done —
// on the first request that reads broadcasts after that moment, or by a timer, whichever comes first.
// Per recipient: blocked contacts and contacts without a phone number fail; of the others every contact
// whose id is not a multiple of 10 is delivered, even ids also read, and read multiples of 3 replied.
import { randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { ApiError } from '../rules.ts';
import type { BroadcastRecord, BroadcastStats, ContactRecord, Store } from '../store.ts';
import { broadcastStatsView, broadcastView } from '../views.ts';
import { findV2, iso, later, listPage, Problems, referenceChecks, sent } from './v2.ts';

export const BROADCAST_SEND_MS = 1_000;
/** Timers are only set for scheduled broadcasts due this soon; later ones start when next read. */
const TIMER_HORIZON_MS = 10 * 60 * 1000;

type Emit = (name: string, data: unknown) => void;

const ZERO_STATS: BroadcastStats = {
	recipients: 0,
	sent: 0,
	delivered: 0,
	read: 0,
	replied: 0,
	failed: 0,
};

/** The contacts a broadcast goes to: members of its lists and contacts with one of its labels, once each. */
export function audienceOf(
	store: Store,
	accountId: number,
	audience: BroadcastRecord['audience'],
): ContactRecord[] {
	const ids = new Set<number>();
	for (const listId of audience.contact_list_ids) {
		const list = store.v2InAccount('contact_lists', accountId, listId);
		for (const id of list?.contact_ids ?? []) ids.add(id);
	}
	if (audience.labels.length > 0) {
		for (const contact of store.contacts.values()) {
			if (
				contact.account_id === accountId &&
				contact.labels.some((label) => audience.labels.includes(label))
			)
				ids.add(contact.id);
		}
	}
	return [...ids]
		.sort((a, b) => a - b)
		.map((id) => store.contacts.get(id))
		.filter(
			(contact): contact is ContactRecord =>
				contact !== undefined && contact.account_id === accountId,
		);
}

export function deliveryStats(recipients: ContactRecord[]): BroadcastStats {
	const stats = { ...ZERO_STATS, recipients: recipients.length };
	for (const contact of recipients) {
		if (contact.blocked || !contact.phone_number) {
			stats.failed += 1;
			continue;
		}
		stats.sent += 1;
		if (contact.id % 10 === 0) continue;
		stats.delivered += 1;
		if (contact.id % 2 !== 0) continue;
		stats.read += 1;
		if (contact.id % 3 === 0) stats.replied += 1;
	}
	return stats;
}

function startSending(store: Store, broadcast: BroadcastRecord, startMs: number): void {
	store.updateV2('broadcasts', broadcast, {
		status: 'sending',
		started_at: iso(Math.floor(startMs / 1000)),
		finishes_at: startMs + BROADCAST_SEND_MS,
		stats: {
			...ZERO_STATS,
			recipients: audienceOf(store, broadcast.account_id, broadcast.audience).length,
		},
		updated_at: iso(Math.floor(startMs / 1000)),
	});
}

function finish(store: Store, broadcast: BroadcastRecord, emit: Emit): void {
	const at = iso(Math.floor((broadcast.finishes_at ?? Date.now()) / 1000));
	const template = store.v2InAccount('templates', broadcast.account_id, broadcast.template_id);
	const recipients = audienceOf(store, broadcast.account_id, broadcast.audience);
	let failure: string | null = null;
	let stats = deliveryStats(recipients);
	if (!template || template.status !== 'approved') {
		failure = template
			? `The template is ${template.status}, not approved`
			: 'The template was deleted';
		stats = { ...ZERO_STATS, recipients: recipients.length, failed: recipients.length };
	} else if (recipients.length === 0) {
		failure = 'The audience has no contacts';
	} else if (stats.sent === 0) {
		failure = 'No recipient could be reached';
	}
	store.updateV2('broadcasts', broadcast, {
		status: failure ? 'failed' : 'completed',
		failure_reason: failure,
		stats,
		completed_at: at,
		finishes_at: null,
		updated_at: at,
	});
	emit(failure ? 'broadcast.failed' : 'broadcast.completed', broadcastView(broadcast));
}

/** Moves the account's broadcasts along in time: scheduled ones start, sending ones finish. */
export function advanceBroadcasts(
	store: Store,
	accountId: number,
	nowMs: number,
	emit: Emit,
): void {
	for (const broadcast of store.v2OfAccount('broadcasts', accountId)) {
		if (
			broadcast.status === 'scheduled' &&
			broadcast.scheduled_at !== null &&
			Date.parse(broadcast.scheduled_at) <= nowMs
		) {
			startSending(store, broadcast, Date.parse(broadcast.scheduled_at));
		}
		if (
			broadcast.status === 'sending' &&
			broadcast.finishes_at !== null &&
			broadcast.finishes_at <= nowMs
		) {
			finish(store, broadcast, emit);
		}
	}
}

function progress(context: HandlerContext): void {
	advanceBroadcasts(context.store, context.accountId, Date.now(), context.emit);
}

/** Sets a timer so the broadcast moves on even when nobody reads it (webhook deliveries). */
function wakeUpAt(context: HandlerContext, atMs: number): void {
	const delay = atMs - Date.now();
	if (delay > TIMER_HORIZON_MS) return;
	const { store, accountId, emit } = context;
	later(delay + 5, () => advanceBroadcasts(store, accountId, Date.now(), emit));
}

interface BroadcastInput {
	name?: string;
	inbox_id?: number;
	template_id?: string;
	template_variables?: Record<string, string>;
	audience?: { contact_list_ids?: string[]; labels?: string[] };
	scheduled_at?: string | null;
}

type BroadcastFields = Pick<
	BroadcastRecord,
	'name' | 'inbox_id' | 'template_id' | 'template_variables' | 'audience' | 'scheduled_at'
>;

/** The checks create and update share, on the broadcast as it would be after the change (`input`: what was sent). */
function checkBroadcast(
	context: HandlerContext,
	next: BroadcastFields,
	input: BroadcastInput,
): void {
	const { store, accountId } = context;
	const problems = new Problems();
	referenceChecks(context, problems).inbox('inbox_id', next.inbox_id);
	const template = store.v2InAccount('templates', accountId, next.template_id);
	if (!template) problems.add('template_id', `template ${next.template_id} does not exist`);
	else if (template.status !== 'approved')
		problems.add('template_id', `is ${template.status}: only approved templates can be broadcast`);
	else if (template.inbox_id !== next.inbox_id)
		problems.add(
			'template_id',
			`belongs to inbox ${template.inbox_id}, not to inbox ${next.inbox_id}`,
		);
	const { contact_list_ids: lists, labels } = next.audience;
	if (lists.length + labels.length === 0)
		problems.add('audience', 'needs at least one contact list or label');
	for (const id of input.audience?.contact_list_ids ?? []) {
		if (!store.v2InAccount('contact_lists', accountId, id))
			problems.add('audience.contact_list_ids', `contact list ${id} does not exist`);
	}
	if (input.scheduled_at && Date.parse(input.scheduled_at) <= Date.now())
		problems.add('scheduled_at', 'must be in the future');
	problems.throwIfAny();
}

function getMany(context: HandlerContext) {
	progress(context);
	const items = context.store
		.v2OfAccount('broadcasts', context.accountId)
		.filter(
			(broadcast) =>
				context.query.status === undefined || broadcast.status === context.query.status,
		);
	return listPage(context, items, broadcastView);
}

function create(context: HandlerContext) {
	progress(context);
	const { store, accountId, now } = context;
	const input = context.body as unknown as BroadcastInput &
		Required<Pick<BroadcastInput, 'name' | 'inbox_id' | 'template_id'>>;
	const next: BroadcastFields = {
		name: input.name,
		inbox_id: input.inbox_id,
		template_id: input.template_id,
		template_variables: { ...(input.template_variables ?? {}) },
		audience: {
			contact_list_ids: [...new Set(input.audience?.contact_list_ids ?? [])],
			labels: [...new Set(input.audience?.labels ?? [])],
		},
		scheduled_at: input.scheduled_at ? new Date(input.scheduled_at).toISOString() : null,
	};
	checkBroadcast(context, next, input);
	const broadcast = store.insertV2('broadcasts', {
		id: randomUUID(),
		account_id: accountId,
		...next,
		status: next.scheduled_at ? 'scheduled' : 'draft',
		started_at: null,
		completed_at: null,
		cancelled_at: null,
		failure_reason: null,
		stats: { ...ZERO_STATS },
		created_at: iso(now),
		updated_at: iso(now),
		finishes_at: null,
	});
	if (next.scheduled_at) wakeUpAt(context, Date.parse(next.scheduled_at));
	return created(broadcastView(broadcast));
}

function get(context: HandlerContext) {
	progress(context);
	return ok(broadcastView(findV2(context, 'broadcasts', 'broadcast_id', 'Broadcast')));
}

function refuseUnlessEditable(broadcast: BroadcastRecord, action: string): void {
	if (broadcast.status !== 'draft' && broadcast.status !== 'scheduled') {
		throw new ApiError(
			409,
			`Broadcast ${broadcast.id} is ${broadcast.status}: only draft or scheduled broadcasts can be ${action}`,
		);
	}
}

function update(context: HandlerContext) {
	progress(context);
	const { store, now } = context;
	const broadcast = findV2(context, 'broadcasts', 'broadcast_id', 'Broadcast');
	refuseUnlessEditable(broadcast, 'updated');
	const input = context.body as BroadcastInput;
	const next: BroadcastFields = {
		name: input.name ?? broadcast.name,
		inbox_id: input.inbox_id ?? broadcast.inbox_id,
		template_id: input.template_id ?? broadcast.template_id,
		template_variables: sent(context.body, 'template_variables')
			? { ...(input.template_variables ?? {}) }
			: broadcast.template_variables,
		audience: input.audience
			? {
					contact_list_ids: [
						...new Set(input.audience.contact_list_ids ?? broadcast.audience.contact_list_ids),
					],
					labels: [...new Set(input.audience.labels ?? broadcast.audience.labels)],
				}
			: broadcast.audience,
		scheduled_at: sent(context.body, 'scheduled_at')
			? input.scheduled_at
				? new Date(input.scheduled_at).toISOString()
				: null
			: broadcast.scheduled_at,
	};
	checkBroadcast(context, next, input);
	store.updateV2('broadcasts', broadcast, {
		...next,
		status: next.scheduled_at ? 'scheduled' : 'draft',
		updated_at: iso(now),
	});
	if (next.scheduled_at) wakeUpAt(context, Date.parse(next.scheduled_at));
	return ok(broadcastView(broadcast));
}

function remove(context: HandlerContext) {
	progress(context);
	const broadcast = findV2(context, 'broadcasts', 'broadcast_id', 'Broadcast');
	refuseUnlessEditable(broadcast, 'deleted');
	context.store.deleteV2('broadcasts', broadcast.id);
	return noContent();
}

function send(context: HandlerContext) {
	progress(context);
	const broadcast = findV2(context, 'broadcasts', 'broadcast_id', 'Broadcast');
	if (broadcast.status !== 'draft' && broadcast.status !== 'scheduled') {
		const why =
			broadcast.status === 'cancelled'
				? 'it was cancelled'
				: `it was already sent (status ${broadcast.status})`;
		throw new ApiError(409, `Broadcast ${broadcast.id} can not be sent: ${why}`);
	}
	const startMs = Date.now();
	startSending(context.store, broadcast, startMs);
	wakeUpAt(context, startMs + BROADCAST_SEND_MS);
	return ok(broadcastView(broadcast));
}

function cancel(context: HandlerContext) {
	progress(context);
	const { store, now } = context;
	const broadcast = findV2(context, 'broadcasts', 'broadcast_id', 'Broadcast');
	if (broadcast.status !== 'scheduled' && broadcast.status !== 'sending') {
		throw new ApiError(
			409,
			`Broadcast ${broadcast.id} is ${broadcast.status}: only scheduled or sending broadcasts can be cancelled`,
		);
	}
	store.updateV2('broadcasts', broadcast, {
		status: 'cancelled',
		cancelled_at: iso(now),
		finishes_at: null,
		updated_at: iso(now),
	});
	return ok(broadcastView(broadcast));
}

function stats(context: HandlerContext) {
	progress(context);
	const broadcast = findV2(context, 'broadcasts', 'broadcast_id', 'Broadcast');
	if (broadcast.status === 'draft' || broadcast.status === 'scheduled') {
		// not sent yet: how many it would reach now
		return ok({
			...ZERO_STATS,
			recipients: audienceOf(context.store, context.accountId, broadcast.audience).length,
		});
	}
	return ok(broadcastStatsView(broadcast));
}

export const broadcastHandlers: HandlerMap = {
	'broadcast.getMany': getMany,
	'broadcast.create': create,
	'broadcast.get': get,
	'broadcast.update': update,
	'broadcast.delete': remove,
	'broadcast.send': send,
	'broadcast.cancel': cancel,
	'broadcast.getStats': stats,
};
