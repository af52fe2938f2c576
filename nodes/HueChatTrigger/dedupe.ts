import { createHash } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * "Has this event already started the workflow?" HueChat retries an event for up to 24 hours with the same
 * `webhook-id` (v1: `X-Chatwoot-Delivery`), and with several n8n processes (queue mode) the copies can land on
 * different processes. The answer is kept in two places:
 *
 * 1. In process, per trigger (workflow + node): each event key with its state. `pending` from the moment a delivery is
 *    accepted until n8n has answered it; `done` once n8n answered 2xx (the execution is recorded); a failed answer
 *    (n8n could not record the execution) forgets the key again, so HueChat's retry runs it. Copies arriving while
 *    the first is pending are told to come back later, so one event never starts two executions nor none.
 * 2. The node's static data (`seen`), which n8n loads for every webhook call and saves after it: covers restarts
 *    and the other processes. It holds an 8-byte SHA-256 digest of every key seen in the last 24 hours, at most
 *    MAX_REMEMBERED, grouped by hour, base64: about 110 kB for 10,000 events. It is computed when n8n serialises
 *    the static data (toJSON), not when the delivery arrives, so every save carries all this process knows by then,
 *    and a save that raced another process's is repaired by the next one.
 *
 * A digest collision (two different events with the same 8 bytes) would drop the second: with 10,000 remembered
 * events the chance per event is about 5 · 10⁻¹⁶.
 */
export const DEDUPE_TTL_SECONDS = 24 * 60 * 60 + 15 * 60;
export const MAX_REMEMBERED = 10_000;
const MAX_TRIGGERS = 1_000;
/** A delivery n8n never answered (a stuck database) stops blocking its copies after this long. */
const PENDING_LIMIT_SECONDS = 10 * 60;
const DIGEST_BYTES = 8;
const HOUR = 3600;
const FORMAT = 'sha256-64/hour';

/** What static data holds: [hour start (unix s), base64 of the digests first seen in that hour], oldest first. */
interface StoredSeen {
	format: typeof FORMAT;
	buckets: Array<[number, string]>;
}

interface Entry {
	at: number;
	state: 'pending' | 'done';
}

/** One trigger's memory in this process. Keys are digests as 8-character latin1 strings. */
interface TriggerMemory {
	entries: Map<string, Entry>;
	/** Keys whose execution n8n failed to record: a copy in static data no longer counts, and saves drop it. */
	withdrawn: Map<string, number>;
}

const memory = new Map<string, TriggerMemory>();

function memoryOf(trigger: string): TriggerMemory {
	let found = memory.get(trigger);
	if (found) {
		memory.delete(trigger); // most recently used trigger last
	} else {
		found = { entries: new Map(), withdrawn: new Map() };
		if (memory.size >= MAX_TRIGGERS) memory.delete(memory.keys().next().value as string);
	}
	memory.set(trigger, found);
	return found;
}

function digest(key: string): string {
	return createHash('sha256').update(key).digest().subarray(0, DIGEST_BYTES).toString('latin1');
}

function hourOf(seconds: number): number {
	return Math.floor(seconds / HOUR) * HOUR;
}

function expired(at: number, nowSeconds: number): boolean {
	return nowSeconds - at > DEDUPE_TTL_SECONDS;
}

/** Digest → hour first seen, from static data in this or the earlier format ({ key: seen at }). */
function readStored(value: unknown, nowSeconds: number): Map<string, number> {
	const seen = new Map<string, number>();
	if (!value || typeof value !== 'object') return seen;
	const stored = value as Partial<StoredSeen> & Record<string, unknown>;
	if (stored.format === FORMAT && Array.isArray(stored.buckets)) {
		for (const bucket of stored.buckets) {
			const [hour, encoded] = Array.isArray(bucket) ? bucket : [];
			// the bucket's last event may be up to an hour younger than its start
			if (typeof hour !== 'number' || typeof encoded !== 'string' || expired(hour + HOUR, nowSeconds)) continue;
			const bytes = Buffer.from(encoded, 'base64');
			for (let offset = 0; offset + DIGEST_BYTES <= bytes.length; offset += DIGEST_BYTES) {
				seen.set(bytes.toString('latin1', offset, offset + DIGEST_BYTES), hour);
			}
		}
		return seen;
	}
	for (const [key, at] of Object.entries(stored)) {
		if (typeof at === 'number' && !expired(at, nowSeconds)) seen.set(digest(key), hourOf(at));
	}
	return seen;
}

/**
 * The `seen` value of one webhook call's static data. n8n serialises static data with JSON.stringify when it saves
 * it, which calls toJSON: the newest MAX_REMEMBERED digests of what was loaded and what this process knows then.
 */
class SeenLog {
	constructor(
		private readonly loaded: Map<string, number>,
		private readonly process: TriggerMemory,
	) {}

	has(key: string): boolean {
		return this.loaded.has(key) && !this.process.withdrawn.has(key);
	}

	toJSON(): StoredSeen {
		const nowSeconds = Math.floor(Date.now() / 1000);
		const merged = new Map<string, number>();
		for (const [key, hour] of this.loaded) if (!this.process.withdrawn.has(key)) merged.set(key, hour);
		for (const [key, entry] of this.process.entries) {
			if (!merged.has(key) && !expired(entry.at, nowSeconds)) merged.set(key, hourOf(entry.at));
		}
		const byHour = new Map<number, string[]>();
		for (const [key, hour] of merged) {
			if (expired(hour + HOUR, nowSeconds)) continue;
			let keys = byHour.get(hour);
			if (!keys) byHour.set(hour, (keys = []));
			keys.push(key);
		}
		const buckets: Array<[number, string]> = [];
		let room = MAX_REMEMBERED;
		for (const hour of [...byHour.keys()].sort((a, b) => b - a)) {
			if (room === 0) break;
			const keys = byHour.get(hour)!;
			const kept = keys.length > room ? keys.slice(keys.length - room) : keys;
			room -= kept.length;
			buckets.unshift([hour, Buffer.from(kept.join(''), 'latin1').toString('base64')]);
		}
		return { format: FORMAT, buckets };
	}
}

/** How one delivery is to be treated. */
export type Claim =
	| { verdict: 'duplicate' }
	| { verdict: 'in-progress' }
	/** First sighting: call settle(true) once its execution is recorded (or it needs none), settle(false) if not. */
	| { verdict: 'new'; settle(recorded: boolean): void };

function remember(process: TriggerMemory, key: string, entry: Entry): void {
	process.entries.delete(key);
	process.entries.set(key, entry);
	process.withdrawn.delete(key);
	if (process.entries.size <= MAX_REMEMBERED) return;
	for (const [oldest, { state }] of process.entries) {
		if (state === 'done') {
			process.entries.delete(oldest);
			return;
		}
	}
}

/**
 * Looks `key` up for `trigger` in this process and in `staticData.seen` (replacing that with a SeenLog, which marks
 * the static data changed so n8n saves it), and claims it when it is new.
 */
export function claimDelivery(trigger: string, staticData: IDataObject, key: string, nowSeconds: number): Claim {
	const process = memoryOf(trigger);
	const log = staticData.seen instanceof SeenLog ? staticData.seen : new SeenLog(readStored(staticData.seen, nowSeconds), process);
	staticData.seen = log as unknown as IDataObject;
	const id = digest(key);
	const known = process.entries.get(id);
	if (known && !expired(known.at, nowSeconds)) {
		if (known.state === 'done') return { verdict: 'duplicate' };
		if (nowSeconds - known.at < PENDING_LIMIT_SECONDS) return { verdict: 'in-progress' };
	}
	if (!known && log.has(id)) return { verdict: 'duplicate' };
	const entry: Entry = { at: nowSeconds, state: 'pending' };
	remember(process, id, entry);
	return {
		verdict: 'new',
		settle(recorded: boolean) {
			if (process.entries.get(id) !== entry) return;
			if (recorded) {
				entry.state = 'done';
				return;
			}
			process.entries.delete(id);
			process.withdrawn.set(id, nowSeconds);
			if (process.withdrawn.size > MAX_REMEMBERED) process.withdrawn.delete(process.withdrawn.keys().next().value as string);
		},
	};
}
