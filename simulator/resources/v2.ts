// What every v2 resource shares (docs/contract.md §3): `page`/`per_page` lists answered as
// `{data, meta{page, per_page, total_count, total_pages}}`, bare single resources, UUID ids, PATCH
// that changes only the fields sent, and the checks of ids that a body refers to (→ 422 with details).
import { ok, type HandlerContext, type HandlerResult } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import type { V2Collection } from '../store.ts';

/** A v2 list page; the items are those of the whole (filtered) list, in a stable order. */
export function listPage<T>(
	context: HandlerContext,
	items: readonly T[],
	view: (item: T) => unknown,
): HandlerResult {
	const page = Number(context.query.page ?? 1);
	const perPage = Number(context.query.per_page ?? 25);
	const start = (page - 1) * perPage;
	return ok({
		data: items.slice(start, start + perPage).map(view),
		meta: {
			page,
			per_page: perPage,
			total_count: items.length,
			total_pages: Math.ceil(items.length / perPage),
		},
	});
}

/** The record named by a UUID path parameter, or 404. */
export function findV2<N extends V2Collection>(
	context: HandlerContext,
	name: N,
	param: string,
	label: string,
) {
	const id = String(context.params[param]);
	const record = context.store.v2InAccount(name, context.accountId, id);
	if (!record) throw notFound(`${label} ${id} not found`);
	return record;
}

/** Whether the body sent this field (PATCH changes only those). */
export function sent(body: Record<string, unknown>, field: string): boolean {
	return Object.prototype.hasOwnProperty.call(body, field) && body[field] !== undefined;
}

/** ISO 8601 for unix seconds (the timestamps of broadcasts and templates). */
export function iso(seconds: number): string {
	return new Date(seconds * 1000).toISOString();
}

/** Collects `{field: [problem]}` and throws one 422 for all of them. */
export class Problems {
	readonly details: ErrorDetails = {};

	add(field: string, problem: string): void {
		(this.details[field] ??= []).push(problem);
	}

	throwIfAny(): void {
		if (Object.keys(this.details).length > 0) throw validationFailed(this.details);
	}
}

/** Checks of ids a v2 body refers to: each adds a 422 problem when the record is not in the account. */
export function referenceChecks(context: HandlerContext, problems: Problems) {
	const { store, accountId } = context;
	return {
		inbox(field: string, id: number | null | undefined) {
			if (id === null || id === undefined) return undefined;
			const inbox = store.inAccount(store.inboxes, accountId, id);
			if (!inbox) problems.add(field, `inbox ${id} does not exist`);
			return inbox;
		},
		contact(field: string, id: number | null | undefined) {
			if (id === null || id === undefined) return undefined;
			const contact = store.inAccount(store.contacts, accountId, id);
			if (!contact) problems.add(field, `contact ${id} does not exist`);
			return contact;
		},
		team(field: string, id: number | null | undefined) {
			if (id === null || id === undefined) return undefined;
			const team = store.inAccount(store.teams, accountId, id);
			if (!team) problems.add(field, `team ${id} does not exist`);
			return team;
		},
		user(field: string, id: number | null | undefined) {
			if (id === null || id === undefined) return undefined;
			const user = store.users.get(id);
			if (!user || !(accountId in user.roles)) {
				problems.add(field, `agent ${id} is not a member of this account`);
				return undefined;
			}
			return user;
		},
		conversation(field: string, displayId: number | null | undefined) {
			if (displayId === null || displayId === undefined) return undefined;
			const conversation = store.conversationByDisplayId(accountId, displayId);
			if (!conversation) problems.add(field, `conversation ${displayId} does not exist`);
			return conversation;
		},
	};
}

/** Runs `callback` later without keeping the process alive (simulated progress: deliveries, reviews). */
export function later(delayMs: number, callback: () => void): void {
	const timer = setTimeout(
		() => {
			try {
				callback();
			} catch {
				// the store may have been reset meanwhile: nothing to progress
			}
		},
		Math.max(0, delayMs),
	);
	timer.unref();
}
