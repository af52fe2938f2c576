import type { IDataObject } from 'n8n-workflow';

import { waitOrAbort } from './retry';

/**
 * Keeps one API key's requests inside its rate limit and bounds how many run at once. n8n fires every input
 * item's request at the same time; without this a batch of 1,000 items would hammer straight into 429s.
 * One pacer per key (base URL + token digest), shared by every node and execution in this process.
 */
export class Pacer {
	private remaining: number | undefined;

	private resetAtMs = 0;

	private inFlight = 0;

	private readonly queue: Array<() => void> = [];

	constructor(private maxConcurrency: number) {}

	/** The node's 'Max Concurrent Requests' setting; the latest execution's value applies to the key. */
	setConcurrency(maxConcurrency: number): void {
		this.maxConcurrency = Math.max(1, Math.floor(maxConcurrency));
	}

	/** Resolves when a request may start; call `release` when its response (or failure) is in. */
	async acquire(signal?: AbortSignal): Promise<void> {
		while (this.inFlight >= this.maxConcurrency) {
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

	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
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

export const DEFAULT_CONCURRENCY = 4;

const pacers = new Map<string, Pacer>();

export function pacerFor(key: string, maxConcurrency = DEFAULT_CONCURRENCY): Pacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new Pacer(maxConcurrency);
		pacers.set(key, pacer);
	}
	pacer.setConcurrency(maxConcurrency);
	return pacer;
}
