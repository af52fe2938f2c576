import type { IDataObject } from 'n8n-workflow';

import { waitOrAbort } from './retry';

/** Requests of a key in flight while the window needs no more (or its headers have not been seen yet). */
export const BASE_CONCURRENCY = 4;
/** Max Concurrent Requests' default: the most in flight when the window's budget needs more to be spent in time. */
export const DEFAULT_MAX_CONCURRENCY = 16;
/** Requests in flight beyond what spends the budget exactly by the reset: latency varies. */
const HEADROOM = 1.25;
/** Weight of the newest request's duration in the latency estimate. */
const LATENCY_WEIGHT = 0.2;

/**
 * Keeps one API key's requests inside its rate limit and bounds how many run at once. n8n fires every input
 * item's request at the same time; without this a batch of 1,000 items would hammer straight into 429s.
 * One pacer per key (base URL + token digest), shared by every node and execution in this process.
 *
 * How many run at once: BASE_CONCURRENCY, or more (up to Max Concurrent Requests) when the window's remaining
 * budget, spent evenly until its reset at the requests' observed latency, needs more in flight. So a key of 6,000
 * RPM is read at its limit at 100 ms a request without tuning, and a 600 RPM key is never sent bursts it cannot use.
 */
export class Pacer {
	private remaining: number | undefined;

	private resetAtMs = 0;

	private inFlight = 0;

	private latencyMs: number | undefined;

	private readonly queue: Array<() => void> = [];

	constructor(private maxConcurrency: number) {}

	/** The node's 'Max Concurrent Requests' setting; the latest execution's value applies to the key. */
	setConcurrency(maxConcurrency: number): void {
		this.maxConcurrency = Math.max(1, Math.floor(maxConcurrency));
	}

	/** How many requests may be in flight now. */
	allowedInFlight(nowMs: number = Date.now()): number {
		let wanted = BASE_CONCURRENCY;
		if (this.remaining !== undefined && this.latencyMs !== undefined && this.resetAtMs > nowMs) {
			const perSecond = this.remaining / Math.max(0.5, (this.resetAtMs - nowMs) / 1000);
			wanted = Math.max(wanted, Math.ceil((perSecond * this.latencyMs * HEADROOM) / 1000));
		}
		return Math.min(this.maxConcurrency, wanted);
	}

	/** Resolves when a request may start; call `release` when its response (or failure) is in. */
	async acquire(signal?: AbortSignal): Promise<void> {
		while (this.inFlight >= this.allowedInFlight()) {
			await new Promise<void>((resolve) => this.queue.push(resolve));
		}
		this.inFlight++;
		const wait = this.windowWait(Date.now());
		if (wait > 0) {
			let waited = false;
			try {
				await waitOrAbort(wait, signal);
				waited = true;
			} finally {
				// A cancelled wait gives its slot back; the cancellation itself propagates unchanged.
				if (!waited) this.release();
			}
			this.remaining = undefined;
		}
		if (this.remaining !== undefined) this.remaining--;
	}

	/** `tookMs`: how long the request took, for the latency estimate (left out for a request that never went). */
	release(tookMs?: number): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (tookMs !== undefined)
			this.latencyMs =
				this.latencyMs === undefined
					? tookMs
					: this.latencyMs + LATENCY_WEIGHT * (tookMs - this.latencyMs);
		this.wake();
	}

	/** Lets as many waiting requests re-check as may now start (they queue again if they may not). */
	private wake(): void {
		for (let free = this.allowedInFlight() - this.inFlight; free > 0 && this.queue.length; free--)
			this.queue.shift()?.();
	}

	/**
	 * Learns the window from HueChat's X-RateLimit-* headers (sent on every response); called while the answered
	 * request still holds its slot. Within a window the lower of HueChat's count and ours wins (other processes
	 * may share the key); in a new window, requests still in flight are already spent.
	 */
	observe(headers: IDataObject | undefined): void {
		const remaining = Number(headers?.['x-ratelimit-remaining']);
		if (!Number.isFinite(remaining)) return;
		const reset = Number(headers?.['x-ratelimit-reset']);
		const resetAtMs = Number.isFinite(reset) && reset > 0 ? reset * 1000 : this.resetAtMs;
		const sameWindow = resetAtMs === this.resetAtMs && this.remaining !== undefined;
		const othersInFlight = Math.max(0, this.inFlight - 1);
		this.remaining = sameWindow
			? Math.min(this.remaining as number, remaining)
			: Math.max(0, remaining - othersInFlight);
		this.resetAtMs = resetAtMs;
		this.wake();
	}

	/** After a 429: nobody on this key sends again before `untilMs`. */
	block(untilMs: number): void {
		this.resetAtMs = Math.max(this.resetAtMs, untilMs);
		this.remaining = 0;
	}

	private windowWait(nowMs: number): number {
		if (this.remaining === undefined || this.remaining > 0) return 0;
		return this.resetAtMs > nowMs ? this.resetAtMs - nowMs : 0;
	}
}

const pacers = new Map<string, Pacer>();

export function pacerFor(key: string, maxConcurrency = DEFAULT_MAX_CONCURRENCY): Pacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new Pacer(maxConcurrency);
		pacers.set(key, pacer);
	}
	pacer.setConcurrency(maxConcurrency);
	return pacer;
}
