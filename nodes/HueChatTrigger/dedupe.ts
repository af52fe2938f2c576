import type { IDataObject } from 'n8n-workflow';

/**
 * "Have we already started a workflow for this delivery?" HueChat retries an event for up to 24 hours with the same
 * `webhook-id` (v1: `X-Chatwoot-Delivery`), so a receiver sees some events twice. Two layers answer:
 *
 * 1. In process: an LRU map of delivery keys with a time to live, checked and updated synchronously once the
 *    signature verified, so two copies arriving at the same moment start one execution. Bounded (MAX_KEYS), no timers.
 * 2. The node's static data (`seen`), which n8n saves after each webhook call: covers a restart of n8n between two
 *    copies. Kept small on purpose (the newest STATIC_KEYS entries) because n8n rewrites the whole static data blob.
 *
 * Keys name the workflow, the node and the endpoint (production or test URL) as well as the delivery, because one
 * event fans out with the same id to every subscription: two workflows (or a test listener) must each get it once.
 */
export const DEDUPE_TTL_SECONDS = 24 * 60 * 60 + 15 * 60;
const MAX_KEYS = 10_000;
const STATIC_KEYS = 50;

const recent = new Map<string, number>();

function expired(seenAt: number, now: number): boolean {
	return now - seenAt > DEDUPE_TTL_SECONDS;
}

/** True when the key was seen within the TTL (a duplicate); otherwise remembers it and answers false. */
export function seenBefore(processKey: string, staticData: IDataObject, staticKey: string, nowSeconds: number): boolean {
	const inProcess = recent.get(processKey);
	const stored = (staticData.seen ?? {}) as Record<string, number>;
	const inStatic = stored[staticKey];
	if ((inProcess !== undefined && !expired(inProcess, nowSeconds)) || (inStatic !== undefined && !expired(inStatic, nowSeconds))) {
		return true;
	}
	recent.delete(processKey);
	recent.set(processKey, nowSeconds);
	if (recent.size > MAX_KEYS) {
		const oldest = recent.keys().next().value;
		if (oldest !== undefined) recent.delete(oldest);
	}
	const kept = Object.entries(stored)
		.filter(([, seenAt]) => !expired(seenAt, nowSeconds))
		.sort((a, b) => b[1] - a[1])
		.slice(0, STATIC_KEYS - 1);
	staticData.seen = Object.fromEntries([[staticKey, nowSeconds], ...kept]);
	return false;
}

/** Tests only: forget the in-process layer (as a restart of n8n would). */
export function forgetRecentDeliveries(): void {
	recent.clear();
}
