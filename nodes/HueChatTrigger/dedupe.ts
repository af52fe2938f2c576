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
 * 2. The node's static data (`seen`), which n8n loads for every webhook call and saves when an execution ends: covers
 *    restarts and the other processes. It holds an 8-byte SHA-256 digest of every key recorded in the last 24
 *    hours, at most MAX_REMEMBERED, grouped by hour, base64: about 110 kB for 10,000 events. Keys still pending
 *    when it is saved (n8n saves before it answers, so a delivery's own save finds it pending) are kept apart: a
 *    process that later withdraws one drops it from there, and never touches what another process recorded.
 *    It is computed when n8n serialises the static data (toJSON), not when the delivery arrives, so every save
 *    carries all this process knows by then, and a save that raced another process's is repaired by the next one.
 *
 * Static data is saved whole, last writer wins: with deliveries in flight on two processes at once, one process's save
 * can drop what the other recorded just before, and only that process's next save puts it back. After a restart
 * nobody can. So where HueChat retries (v2), a delivery whose id is on no record and which was signed before this
 * process's memory of the trigger began is not run but asked for again (see claimDelivery): HueChat signs every
 * attempt anew, so its next attempt runs; a copy re-sent as it was never does.
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
/**
 * Signed this long before the memory began still counts as after it: an attempt signed in the second the first
 * delivery arrived (timestamps are whole seconds). A restart takes longer than this.
 */
const MEMORY_START_GRACE_SECONDS = 2;

/** What static data holds: [hour start (unix s), base64 of the digests first seen in that hour], oldest first. */
interface StoredSeen {
	format: typeof FORMAT;
	/** Recorded: their executions exist. */
	buckets: Array<[number, string]>;
	/** Pending when saved: recorded or not, their process knows. */
	pending?: Array<[number, string]>;
}

/** At most this many pending keys are carried (deliveries in flight at one save, and those of stopped processes). */
const MAX_PENDING = 1_000;

interface Entry {
	at: number;
	state: 'pending' | 'done';
}

/** One hour of static data's `seen`, decoded. */
interface Bucket {
	encoded: string;
	keys: Set<string>;
}

/** One hour as last written by toJSON, and what it was made from: reused while neither side changed. */
interface Written {
	from: string | undefined;
	change: number;
	kept: number;
	/** Whether the hour had more digests than room for them. */
	cut: boolean;
	encoded: string;
}

/** One trigger's memory in this process. Keys are digests as 8-character latin1 strings. */
interface TriggerMemory {
	/** When it began (unix s): every delivery to the trigger in this process since then is in it. */
	since: number;
	entries: Map<string, Entry>;
	/** The keys of `entries` by the hour they arrived in. */
	byHour: Map<number, Set<string>>;
	/** The keys of `entries` still pending. */
	pending: Set<string>;
	/** Keys whose execution n8n failed to record: a pending copy in static data no longer counts. */
	withdrawn: Set<string>;
	/** Per hour, bumped when this process's recorded entries in it change (not when memory forgets the oldest: the
	 *  saved buckets keep them). */
	changes: Map<number, number>;
	/**
	 * Static data is loaded and saved once per delivery, and almost every delivery only touches the current hour:
	 * the other hours are decoded and encoded once, not 10,000 digests on every call.
	 */
	decoded: Map<number, Bucket>;
	written: Map<number, Written>;
}

const memory = new Map<string, TriggerMemory>();

function memoryOf(trigger: string, nowSeconds: number): TriggerMemory {
	let found = memory.get(trigger);
	if (found) {
		memory.delete(trigger); // most recently used trigger last
	} else {
		found = {
			since: nowSeconds,
			entries: new Map(),
			byHour: new Map(),
			pending: new Set(),
			withdrawn: new Set(),
			changes: new Map(),
			decoded: new Map(),
			written: new Map(),
		};
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

/** The bucket's last event may be up to an hour younger than its start. */
function hourExpired(hour: number, nowSeconds: number): boolean {
	return expired(hour + HOUR, nowSeconds);
}

function changed(process: TriggerMemory, hour: number): void {
	process.changes.set(hour, (process.changes.get(hour) ?? 0) + 1);
}

function decode(process: TriggerMemory, hour: number, encoded: string): Bucket {
	const cached = process.decoded.get(hour);
	if (cached?.encoded === encoded) return cached;
	const bytes = Buffer.from(encoded, 'base64');
	const keys = new Set<string>();
	for (let offset = 0; offset + DIGEST_BYTES <= bytes.length; offset += DIGEST_BYTES)
		keys.add(bytes.toString('latin1', offset, offset + DIGEST_BYTES));
	const bucket = { encoded, keys };
	process.decoded.set(hour, bucket);
	return bucket;
}

function encode(keys: string[]): string {
	return Buffer.from(keys.join(''), 'latin1').toString('base64');
}

/** Static data's `seen` as loaded: hour → digests, recorded and pending. */
interface Loaded {
	recorded: Map<number, Bucket>;
	pending: Map<string, number>;
}

/** From static data in this or the earlier format ({ key: seen at }); expired hours are left out. */
function readStored(value: unknown, process: TriggerMemory, nowSeconds: number): Loaded {
	const loaded: Loaded = { recorded: new Map(), pending: new Map() };
	if (!value || typeof value !== 'object') return loaded;
	const stored = value as Partial<StoredSeen> & Record<string, unknown>;
	const hours = (buckets: unknown) =>
		(Array.isArray(buckets) ? buckets : []).filter(
			(bucket): bucket is [number, string] =>
				Array.isArray(bucket) &&
				typeof bucket[0] === 'number' &&
				typeof bucket[1] === 'string' &&
				!hourExpired(bucket[0], nowSeconds),
		);
	if (stored.format === FORMAT) {
		for (const [hour, encoded] of hours(stored.buckets))
			loaded.recorded.set(hour, decode(process, hour, encoded));
		for (const [hour, encoded] of hours(stored.pending)) {
			const bytes = Buffer.from(encoded, 'base64');
			for (let offset = 0; offset + DIGEST_BYTES <= bytes.length; offset += DIGEST_BYTES)
				loaded.pending.set(bytes.toString('latin1', offset, offset + DIGEST_BYTES), hour);
		}
		return loaded;
	}
	for (const [key, at] of Object.entries(stored)) {
		if (typeof at !== 'number' || expired(at, nowSeconds)) continue;
		const hour = hourOf(at);
		if (!loaded.recorded.has(hour)) loaded.recorded.set(hour, { encoded: '', keys: new Set() });
		loaded.recorded.get(hour)!.keys.add(digest(key));
	}
	return loaded;
}

/**
 * The `seen` value of one webhook call's static data. n8n serialises static data with JSON.stringify when it saves
 * it, which calls toJSON: the newest MAX_REMEMBERED recorded digests of what was loaded and what this process knows
 * then, and the pending ones nobody has settled.
 */
class SeenLog {
	constructor(
		private readonly loaded: Loaded,
		private readonly process: TriggerMemory,
	) {}

	has(key: string): boolean {
		for (const bucket of this.loaded.recorded.values()) if (bucket.keys.has(key)) return true;
		return this.loaded.pending.has(key) && !this.process.withdrawn.has(key);
	}

	toJSON(): StoredSeen {
		const nowSeconds = Math.floor(Date.now() / 1000);
		const hours = [...new Set([...this.loaded.recorded.keys(), ...this.process.byHour.keys()])]
			.filter((hour) => !hourExpired(hour, nowSeconds))
			.sort((a, b) => b - a);
		const buckets: Array<[number, string]> = [];
		let room = MAX_REMEMBERED;
		for (const hour of hours) {
			if (room === 0) break;
			const written = this.recordedIn(hour, room);
			room -= written.kept;
			if (written.kept > 0) buckets.unshift([hour, written.encoded]);
		}
		for (const hour of this.process.written.keys())
			if (!hours.includes(hour)) this.process.written.delete(hour);
		for (const hour of this.process.decoded.keys())
			if (hourExpired(hour, nowSeconds)) this.process.decoded.delete(hour);
		const pending = this.pending(nowSeconds);
		return pending.length > 0 ? { format: FORMAT, buckets, pending } : { format: FORMAT, buckets };
	}

	/** One hour's recorded digests, the newest `room` of them: what was loaded, then what this process recorded. */
	private recordedIn(hour: number, room: number): Written {
		const loaded = this.loaded.recorded.get(hour);
		const from = loaded?.encoded || undefined;
		const change = this.process.changes.get(hour) ?? 0;
		const previous = this.process.written.get(hour);
		// the same inputs give the same digests (loading what was written last is the usual case); a bucket cut short
		// before is reused only at the same cut
		if (
			previous &&
			from !== undefined &&
			(previous.from === from || previous.encoded === from) &&
			previous.change === change
		) {
			if (previous.cut ? previous.kept === room : previous.kept <= room) return previous;
		}
		const keys = [...(loaded?.keys ?? [])];
		for (const key of this.process.byHour.get(hour) ?? []) {
			if (this.process.entries.get(key)?.state === 'done' && !loaded?.keys.has(key)) keys.push(key);
		}
		const kept = keys.length > room ? keys.slice(keys.length - room) : keys;
		const written = {
			from,
			change,
			kept: kept.length,
			cut: kept.length < keys.length,
			encoded: encode(kept),
		};
		if (from !== undefined) this.process.written.set(hour, written);
		return written;
	}

	/** Pending keys: this process's, and those loaded that it has neither recorded nor withdrawn. */
	private pending(nowSeconds: number): Array<[number, string]> {
		const pending = new Map<string, number>();
		for (const [key, hour] of this.loaded.pending) {
			if (
				!hourExpired(hour, nowSeconds) &&
				!this.process.withdrawn.has(key) &&
				this.process.entries.get(key)?.state !== 'done'
			)
				pending.set(key, hour);
		}
		for (const key of this.process.pending) {
			const at = this.process.entries.get(key)!.at;
			if (!expired(at, nowSeconds)) pending.set(key, hourOf(at));
		}
		const byHour = new Map<number, string[]>();
		for (const [key, hour] of [...pending].slice(-MAX_PENDING)) {
			if (!byHour.has(hour)) byHour.set(hour, []);
			byHour.get(hour)!.push(key);
		}
		return [...byHour].sort(([a], [b]) => a - b).map(([hour, keys]) => [hour, encode(keys)]);
	}
}

/** How one delivery is to be treated. */
export type Claim =
	| { verdict: 'duplicate' }
	| { verdict: 'in-progress' }
	/** On no record and signed before this process's memory began: a copy re-sent as it was, or not provably new. */
	| { verdict: 'signed-before-memory' }
	/** First sighting: call settle(true) once its execution is recorded (or it needs none), settle(false) if not. */
	| { verdict: 'new'; settle(recorded: boolean): void };

function remember(process: TriggerMemory, key: string, entry: Entry): void {
	const replaced = process.entries.get(key);
	if (replaced?.state === 'done') changed(process, hourOf(replaced.at));
	forget(process, key);
	process.entries.set(key, entry);
	process.pending.add(key);
	const hour = hourOf(entry.at);
	if (!process.byHour.has(hour)) process.byHour.set(hour, new Set());
	process.byHour.get(hour)!.add(key);
	process.withdrawn.delete(key);
	if (process.entries.size <= MAX_REMEMBERED) return;
	for (const [oldest, { state }] of process.entries) {
		if (state === 'done') {
			forget(process, oldest);
			return;
		}
	}
}

function forget(process: TriggerMemory, key: string): void {
	const entry = process.entries.get(key);
	if (!entry) return;
	process.entries.delete(key);
	process.pending.delete(key);
	const hour = hourOf(entry.at);
	const keys = process.byHour.get(hour);
	keys?.delete(key);
	if (keys?.size === 0) process.byHour.delete(hour);
}

function withdraw(process: TriggerMemory, key: string): void {
	forget(process, key);
	process.withdrawn.add(key);
	if (process.withdrawn.size > MAX_REMEMBERED)
		process.withdrawn.delete(process.withdrawn.keys().next().value as string);
}

/** The webhook call's `seen` as a SeenLog (which marks the static data changed, so that n8n saves it). */
function seenLogOf(staticData: IDataObject, process: TriggerMemory, nowSeconds: number): SeenLog {
	const log =
		staticData.seen instanceof SeenLog
			? staticData.seen
			: new SeenLog(readStored(staticData.seen, process, nowSeconds), process);
	staticData.seen = log as unknown as IDataObject;
	return log;
}

/**
 * Records `key` as run, whatever its claim was (none in this process, pending or withdrawn): a worker told this process
 * that the event's execution started (recording.ts, noteStart) while no answer of this process waited for it.
 */
export function recordRun(
	trigger: string,
	staticData: IDataObject,
	key: string,
	nowSeconds: number,
): void {
	const process = memoryOf(trigger, nowSeconds);
	seenLogOf(staticData, process, nowSeconds);
	const id = digest(key);
	if (process.entries.get(id)?.state === 'done') return;
	remember(process, id, { at: nowSeconds, state: 'done' });
	process.pending.delete(id);
	changed(process, hourOf(nowSeconds));
}

/**
 * Looks `key` up for `trigger` in this process and in `staticData.seen` (replacing that with a SeenLog, which marks
 * the static data changed so n8n saves it), and claims it when it is new. `signedAt` (the delivery's signed
 * timestamp, given where the sender retries refused deliveries) makes a key on no record that was signed before this
 * process's memory began 'signed-before-memory' instead of new.
 */
export function claimDelivery(
	trigger: string,
	staticData: IDataObject,
	key: string,
	nowSeconds: number,
	signedAt?: number,
): Claim {
	const process = memoryOf(trigger, nowSeconds);
	const log = seenLogOf(staticData, process, nowSeconds);
	const id = digest(key);
	const known = process.entries.get(id);
	if (known && !expired(known.at, nowSeconds)) {
		if (known.state === 'done') return { verdict: 'duplicate' };
		if (nowSeconds - known.at < PENDING_LIMIT_SECONDS) return { verdict: 'in-progress' };
	}
	if (!known && log.has(id)) return { verdict: 'duplicate' };
	if (!known && signedAt !== undefined && signedAt < process.since - MEMORY_START_GRACE_SECONDS)
		return { verdict: 'signed-before-memory' };
	const entry: Entry = { at: nowSeconds, state: 'pending' };
	remember(process, id, entry);
	return {
		verdict: 'new',
		settle(recorded: boolean) {
			if (process.entries.get(id) !== entry) return;
			if (recorded) {
				entry.state = 'done';
				process.pending.delete(id);
				changed(process, hourOf(entry.at));
				return;
			}
			withdraw(process, id);
		},
	};
}
