import type { IDataObject } from 'n8n-workflow';

/**
 * "Have we already started a workflow for this delivery?" HueChat retries an event for up to 24 hours with the same
 * `webhook-id` (v1: `X-Chatwoot-Delivery`), so a receiver sees some events twice, and with several n8n processes
 * (queue mode: main and webhook processes) the copies can land on different processes. Two layers answer:
 *
 * 1. In process: per trigger (workflow + node), the delivery keys seen with a time to live, checked and updated
 *    synchronously once the signature verified, so copies arriving at the same moment start one execution.
 *    Bounded (MAX_KEYS per trigger, MAX_TRIGGERS), no timers.
 * 2. The node's static data (`seen`), which n8n loads from its database for every webhook call and saves after it:
 *    covers a restart and the other processes. Each save writes the newest STATIC_KEYS of what was loaded merged with
 *    what this process saw, so two processes saving one after the other do not erase each other's recent ids.
 *    Kept small on purpose because n8n rewrites the whole static data blob on every save.
 *
 * Keys name the endpoint (production or test URL) and the delivery, because one event fans out with the same id to
 * every subscription: two workflows (or a test listener) must each get it once.
 */
export const DEDUPE_TTL_SECONDS = 24 * 60 * 60 + 15 * 60;
export const STATIC_KEYS = 100;
const MAX_KEYS = 10_000;
const MAX_TRIGGERS = 1_000;

/** What one trigger (workflow id | node id) saw in this process: key → seen at (unix seconds), oldest first. */
interface Seen {
	keys: Map<string, number>;
	/** The newest STATIC_KEYS keys of `keys`, newest first: what each save merges in, without walking `keys`. */
	latest: string[];
}

const recent = new Map<string, Seen>();

function expired(seenAt: number, now: number): boolean {
	return now - seenAt > DEDUPE_TTL_SECONDS;
}

function seenBy(trigger: string): Seen {
	let seen = recent.get(trigger);
	if (seen) {
		recent.delete(trigger); // most recently used trigger last
	} else {
		seen = { keys: new Map(), latest: [] };
		if (recent.size >= MAX_TRIGGERS) recent.delete(recent.keys().next().value as string);
	}
	recent.set(trigger, seen);
	return seen;
}

function remember(seen: Seen, key: string, nowSeconds: number): void {
	seen.keys.delete(key);
	seen.keys.set(key, nowSeconds);
	if (seen.keys.size > MAX_KEYS) seen.keys.delete(seen.keys.keys().next().value as string);
	seen.latest = [key, ...seen.latest.filter((other) => other !== key)].slice(0, STATIC_KEYS);
}

/**
 * The newest STATIC_KEYS unexpired keys of what this process saw and what static data held. Newest first; on equal
 * times this process's latest keys come first (the sort is stable), so the key just seen is always kept.
 */
function newestKeys(stored: Record<string, number>, seen: Seen, nowSeconds: number): Record<string, number> {
	const ours = seen.latest.map((key): [string, number] => [key, seen.keys.get(key) ?? 0]);
	const candidates = [...ours, ...Object.entries(stored)].sort((a, b) => b[1] - a[1]);
	const kept: Record<string, number> = {};
	let count = 0;
	for (const [key, seenAt] of candidates) {
		if (count === STATIC_KEYS) break;
		if (key in kept || expired(seenAt, nowSeconds)) continue;
		kept[key] = seenAt;
		count++;
	}
	return kept;
}

/**
 * True when `key` was seen by this trigger within the TTL (a duplicate); otherwise remembers it, in process and in
 * `staticData.seen`, and answers false.
 */
export function seenBefore(trigger: string, staticData: IDataObject, key: string, nowSeconds: number): boolean {
	const seen = seenBy(trigger);
	const stored = (staticData.seen ?? {}) as Record<string, number>;
	const inProcess = seen.keys.get(key);
	const inStatic = stored[key];
	if ((inProcess !== undefined && !expired(inProcess, nowSeconds)) || (inStatic !== undefined && !expired(inStatic, nowSeconds))) {
		return true;
	}
	remember(seen, key, nowSeconds);
	staticData.seen = newestKeys(stored, seen, nowSeconds);
	return false;
}

/** Tests only: forget the in-process layer (as a restart of n8n would). */
export function forgetRecentDeliveries(): void {
	recent.clear();
}
