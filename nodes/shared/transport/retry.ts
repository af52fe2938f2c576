import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { headerValue } from './headers';

/** How often and how patiently a request is repeated. HueChat's guidance: ≥ 1 s after a 429, backoff on 5xx. */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

/** Statuses worth repeating unchanged; every other 4xx needs the request fixed first. */
export const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Connection-level failures worth repeating: the request may never have reached HueChat. */
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
]);

const MIN_RATE_LIMIT_WAIT_MS = 1_000;

/** Exponential backoff with "equal jitter": half fixed, half random, so parallel items spread out. */
export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** How long a 429 asks us to wait: Retry-After, else until X-RateLimit-Reset, never under one second. */
export function rateLimitWait(headers: IDataObject | undefined, nowMs: number): number {
	const retryAfter = Number(headerValue(headers, 'retry-after'));
	const reset = Number(headerValue(headers, 'x-ratelimit-reset'));
	const candidates = [MIN_RATE_LIMIT_WAIT_MS];
	if (Number.isFinite(retryAfter)) candidates.push(retryAfter * 1000);
	if (Number.isFinite(reset) && reset > 0) candidates.push(reset * 1000 - nowMs);
	return Math.max(...candidates);
}

/** The connection error code hidden in whatever the HTTP helper threw, if it is one worth retrying. */
export function retryableNetworkCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as {
			code?: unknown;
			message?: unknown;
			cause?: unknown;
			errorResponse?: unknown;
		};
		if (typeof candidate.code === 'string' && RETRYABLE_NETWORK_CODES.has(candidate.code))
			return candidate.code;
		if (typeof candidate.message === 'string') {
			const named = [...RETRYABLE_NETWORK_CODES].find(
				(code) => candidate.message !== undefined && String(candidate.message).includes(code),
			);
			if (named) return named;
			if (/socket hang up/i.test(candidate.message)) return 'ECONNRESET';
			if (/timeout of \d+ms exceeded|timed out/i.test(candidate.message)) return 'ETIMEDOUT';
		}
		current = candidate.cause ?? candidate.errorResponse;
	}
	return undefined;
}

/** Waits, unless the execution is cancelled first (n8n's Stop button), in which case it rejects at once. */
export async function waitOrAbort(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (ms <= 0) return;
	if (!signal) return await sleep(ms);
	if (signal.aborted) throw new Error('The execution was cancelled');
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => reject(new Error('The execution was cancelled'));
		signal.addEventListener('abort', onAbort, { once: true });
		void sleep(ms).then(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		});
	});
}
