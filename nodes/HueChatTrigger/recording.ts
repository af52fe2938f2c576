import { randomBytes } from 'crypto';

import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Acknowledged means recorded, and where this process sees the execution start, started. n8n 2.x answers an accepted
 * delivery (onReceived) only after WorkflowRunner.run has recorded the execution, and answers 5xx when it could not.
 * The claim of the delivery (dedupe.ts) is settled from that answer, and the static data that remembers it is kept
 * marked changed until then so that n8n saves it.
 *
 * Recorded is not yet run: n8n on PostgreSQL with its pool exhausted recorded executions, answered 200, then failed
 * them before their first node (19 of 1,000 under a locked table; in queue mode a worker did the same with 8 of 200).
 * So n8n's 2xx is held until the trigger node itself runs in the execution: here (startedHere, n8n's regular mode) or
 * on a worker, which tells this process with a start notice (startNotices.ts, noteStart; queue mode). Once this
 * process has seen a start, one not seen within 8 s (holdLimits) is answered 503 and the claim is withdrawn so
 * HueChat's retry runs the event; should the execution start after all, only the event's first start runs: a later
 * one passes nothing on. Until a process has seen a start, answers wait at most a minute (holdLimits) for one; where
 * none comes (workers that cannot reach the URL HueChat delivers to), answers are n8n's own.
 */

/** What the trigger uses of n8n's HTTP response to the delivery. */
export interface ServerResponse {
	statusCode: number;
	headersSent: boolean;
	writableEnded: boolean;
	writableFinished: boolean;
	once(event: 'finish' | 'close', listener: () => void): unknown;
	setHeader(name: string, value: string | number): unknown;
	end(...args: unknown[]): unknown;
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/**
 * n8n 2.x saves a workflow's static data when an execution ends (its workflowExecuteAfter hook), only when it is
 * marked changed; but recording and starting the execution builds new Workflow objects over the same static data,
 * which clears that mark. So, until the answer is sent, the claim's static data is marked changed again on every turn
 * of the event loop's timers (later saves of the process carry the ids too, should one be missed). One loop serves
 * every pending delivery of the process; it stops when none is pending.
 */
const unanswered = new Map<
	IDataObject,
	{ response: ServerResponse; since: number; seen: unknown }
>();
const MARK_FOR_MS = 60_000;

function markChangedUntilAnswered(staticData: IDataObject, response: ServerResponse): void {
	unanswered.set(staticData, { response, since: Date.now(), seen: staticData.seen });
	if (unanswered.size === 1) void markWhileUnanswered();
}

async function markWhileUnanswered(): Promise<void> {
	while (unanswered.size > 0) {
		await sleep(0);
		const now = Date.now();
		for (const [staticData, { response, since, seen }] of unanswered) {
			if (response.headersSent || response.writableEnded || now - since > MARK_FOR_MS)
				unanswered.delete(staticData);
			else staticData.seen = seen as IDataObject; // any write marks the workflow's static data changed
		}
	}
}

/** How often a claim whose caller hung up looks whether n8n has answered meanwhile. */
const ANSWER_POLL_MS = 250;
const ANSWER_WAIT_MS = 10 * 60_000;

/**
 * Settles the claim from n8n's answer: 2xx means the execution is recorded; anything else that it is not. When HueChat
 * hung up first (its 10 s time-out while n8n waits for its database), n8n still answers into the closed connection
 * once it has recorded the execution or failed to: 'finish' never comes then, so the status it set is looked at until
 * it has. Meanwhile copies are asked to come back later (409).
 */
function settleOnAnswer(
	response: ServerResponse,
	settle: (recorded: boolean) => void,
	giveUp: () => void,
): void {
	let settled = false;
	const settleFrom = () => {
		if (settled) return;
		settled = true;
		settle(isSuccess(response.statusCode));
	};
	response.once('finish', settleFrom);
	response.once('close', () => {
		if (response.writableFinished || response.headersSent) return settleFrom();
		void (async () => {
			for (
				let waited = 0;
				waited < ANSWER_WAIT_MS && !response.headersSent;
				waited += ANSWER_POLL_MS
			)
				await sleep(ANSWER_POLL_MS);
			if (response.headersSent) settleFrom();
			else giveUp();
		})();
	});
}

/**
 * Deliveries this process has handed to n8n and n8n has not yet answered. While n8n cannot record executions (its
 * database locked or overloaded) each one holds n8n's resources for that webhook call (more than a megabyte: a
 * lock of 20 s under 1,000 events grew n8n past 13 GB), so beyond MAX_BEING_RECORDED a delivery is asked to come
 * back later (503) before it is claimed: HueChat retries it, nothing is lost, and n8n's memory stays bounded.
 */
let beingRecorded = 0;
export const MAX_BEING_RECORDED = 64;

export function busyRecording(): boolean {
	return beingRecorded >= MAX_BEING_RECORDED;
}

/** The trigger's endpoints: n8n runs test executions where the editor is, production ones maybe elsewhere. */
export type Endpoint = 'production' | 'test';

/** An accepted delivery's execution, known by the token of the item the trigger handed to n8n (startNotices.ts). */
interface Attempt {
	endpoint: Endpoint;
	/** The delivery's key in dedupe.ts: `endpoint:delivery id`. */
	claimKey: string;
	/** The event of one trigger: `trigger|claimKey`. */
	event: string;
	state: 'waiting' | 'started' | 'abandoned';
	/** Sends n8n's held answer. */
	onStart?: () => void;
}
/**
 * Attempts by token, the newest MAX_KEPT: an execution can start long after its answer (a queue's backlog). Abandoned
 * ones pushed out of it are kept apart for HueChat's day of retries, so that their late start still passes nothing on.
 */
const attempts = new Map<string, Attempt>();
const abandonedEarlier = new Map<string, { attempt: Attempt; at: number }>();
/** Attempts whose answer waits for a start, by event: where a start notice of another attempt finds them. */
const waiting = new Map<string, Attempt>();
/**
 * Events whose execution started, as this process saw it (here or by a notice), with what names that first start
 * (the token, and the worker's id of the run): only it runs them. A worker that asks again for the same run (its
 * notice timed out here) is told the same; a second run of the same execution (a queue's stalled job) is not.
 */
const started = new Map<string, { at: number; start: string }>();
const MAX_KEPT = 10_000;
const KEPT_MS = 24 * 60 * 60_000;

function keep<T>(map: Map<string, T>, key: string, value: T): [string, T] | undefined {
	map.delete(key);
	map.set(key, value);
	if (map.size <= MAX_KEPT) return undefined;
	const oldest = map.entries().next().value as [string, T];
	map.delete(oldest[0]);
	return oldest;
}

function firstStart(event: string, start: string): boolean {
	const first = started.get(event);
	if (first && Date.now() - first.at < KEPT_MS) return first.start === start;
	keep(started, event, { at: Date.now(), start });
	return true;
}

/**
 * Tokens: `issued (ms, base 36).process.random`. The process part tells a notice for another live process's delivery
 * (issued after this process started, by another) from one for this process's earlier life.
 */
const PROCESS = randomBytes(6).toString('base64url');
const PROCESS_STARTED = Date.now();

function newToken(): string {
	return `${Date.now().toString(36)}.${PROCESS}.${randomBytes(12).toString('base64url')}`;
}

function attemptOf(token: string): Attempt | undefined {
	const attempt = attempts.get(token) ?? abandonedEarlier.get(token)?.attempt;
	for (const [old, { at }] of abandonedEarlier) {
		if (Date.now() - at < KEPT_MS) break;
		abandonedEarlier.delete(old);
	}
	return attempt;
}

function fromAnotherProcess(token: string): boolean {
	const parts = /^([0-9a-z]{1,11})\.([\w-]{8})\.[\w-]{16}$/.exec(token);
	return !!parts && parts[2] !== PROCESS && parseInt(parts[1], 36) > PROCESS_STARTED;
}

/**
 * Per endpoint, whether this process sees the executions its deliveries start: true from the first start seen (here
 * in n8n's regular mode, by a worker's notice in queue mode), false when none came within holdLimits.learnMs of the
 * first answer held for one or notices stray (noticesStray), unknown at first. Production and test apart: in queue
 * mode the main process runs test executions.
 */
const seesStarts: Record<Endpoint, boolean | undefined> = {
	production: undefined,
	test: undefined,
};
/**
 * Per endpoint, whether notices of other processes' deliveries arrive here: then some of this process's go elsewhere
 * (several processes behind a balancer that does not route by webhook-id), and an answer waiting for one could give up
 * on an execution that runs. So from then on answers are n8n's own.
 */
const noticesStray: Record<Endpoint, boolean> = { production: false, test: false };
const learningSince: Record<Endpoint, number | undefined> = {
	production: undefined,
	test: undefined,
};
/** How long answers wait for a start (a process's tests shorten them; nothing else changes them). */
export const holdLimits = {
	/** Once starts are seen, how long n8n's 2xx waits for its execution's; HueChat waits 10 s in all. */
	startWaitMs: 8_000,
	/**
	 * Until a process has seen a start, answers wait for one at most this long. An overloaded n8n on PostgreSQL took
	 * more than 20 s to start its first (its pool's time-out); where workers' notices never come, the deliveries of a
	 * process's first minute wait (HueChat retries them) and none after.
	 */
	learnMs: 60_000,
};

/**
 * Called by the trigger node when it runs in an execution, with the item's token: whether the item goes on, or
 * undefined when this process did not receive the delivery (queue mode: a worker asks the one that did). An item of
 * an attempt whose answer already gave up (503) does not go on: HueChat's retry runs that event.
 */
export function startedHere(token: string): boolean | undefined {
	const attempt = attemptOf(token);
	if (!attempt) return undefined;
	if (attempt.state === 'abandoned') return false;
	firstStart(attempt.event, `${token}|here`);
	start(attempt);
	return true;
}

function start(attempt: Attempt): void {
	if (!noticesStray[attempt.endpoint]) seesStarts[attempt.endpoint] = true;
	attempt.state = 'started';
	attempt.onStart?.();
	attempt.onStart = undefined;
	stopWaiting(attempt);
}

function stopWaiting(attempt: Attempt): void {
	if (waiting.get(attempt.event) === attempt) waiting.delete(attempt.event);
}

/**
 * A start notice at `endpoint`: an execution of the attempt with this token started on a worker (`run` names that
 * run of it). Whether it runs the event (its first start does, also of an attempt answered 503 meanwhile: HueChat's
 * retry is then a copy), and the claim the caller records as run where no answer of this attempt settles it. A token this process does not hold
 * (it restarted, or another process received the delivery) runs; another live process's also makes this endpoint's
 * answers n8n's own (noticesStray).
 */
export function noteStart(
	trigger: string,
	endpoint: Endpoint,
	{ token, run: runId }: { token: string; run: string },
): { run: boolean; recordAsRun?: string } {
	const attempt = attemptOf(token);
	if (!attempt?.event.startsWith(`${trigger}|`)) {
		if (fromAnotherProcess(token)) {
			noticesStray[endpoint] = true;
			seesStarts[endpoint] = false;
		}
		return { run: true };
	}
	const { claimKey, event } = attempt;
	if (!noticesStray[endpoint]) seesStarts[endpoint] = true;
	const run = firstStart(event, `${token}|${runId}`);
	// the event has started: an answer waiting for it goes (it settles its own attempt's claim; any other attempt's,
	// whose recording may still fail, is recorded as run)
	const held = waiting.get(event);
	if (held?.state === 'waiting') start(held);
	return held === attempt ? { run } : { run, recordAsRun: claimKey };
}

const NOT_STARTED = JSON.stringify({
	error: 'n8n recorded the execution but has not started it; try again later',
	reason: 'not-started',
});

/**
 * Holds n8n's 2xx for this attempt until its execution starts. Where starts are seen, one not seen within
 * holdLimits.startWaitMs is answered 503; where they are not, n8n's 2xx goes at once; until that is known, answers wait.
 */
function answerOnceStarted(
	response: ServerResponse,
	attempt: Attempt,
	warn: (message: string) => void,
): void {
	const end = response.end.bind(response);
	const { endpoint } = attempt;
	response.end = (...args: unknown[]) => {
		response.end = end;
		if (
			seesStarts[endpoint] === false ||
			attempt.state === 'started' ||
			!isSuccess(response.statusCode)
		)
			return end(...args);
		const heldAt = Date.now();
		learningSince[endpoint] ??= heldAt;
		const started = new Promise<void>((resolve) => (attempt.onStart = resolve));
		void (async () => {
			// in short sleeps, so that no timer outlives the start by much
			for (;;) {
				if (attempt.state === 'started' || seesStarts[endpoint] === false) return end(...args);
				if (seesStarts[endpoint] === true && Date.now() - heldAt >= holdLimits.startWaitMs) break;
				if (
					seesStarts[endpoint] === undefined &&
					Date.now() - learningSince[endpoint]! >= holdLimits.learnMs
				) {
					seesStarts[endpoint] = false;
					warn(
						`HueChat Trigger: no execution of this process's ${endpoint} deliveries was seen starting within ${holdLimits.learnMs / 1000} s; they are acknowledged as n8n records them from now on (in queue mode, workers must reach n8n's webhook URL)`,
					);
					return end(...args);
				}
				await Promise.race([started, sleep(250)]);
			}
			attempt.state = 'abandoned';
			attempt.onStart = undefined;
			stopWaiting(attempt);
			response.statusCode = 503;
			response.setHeader('content-type', 'application/json; charset=utf-8');
			response.setHeader('content-length', Buffer.byteLength(NOT_STARTED));
			response.setHeader('retry-after', '5');
			return end(NOT_STARTED);
		})();
		return response;
	};
}

/**
 * Settles `settle` from n8n's answer to this delivery (held until its execution starts), and has n8n save
 * `staticData` with the claim in it. Returns the token the item handed to n8n carries (startNotices.ts).
 */
export function followRecording(
	staticData: IDataObject,
	response: ServerResponse,
	settle: (recorded: boolean) => void,
	delivery: { trigger: string; endpoint: Endpoint; claimKey: string },
	warn: (message: string) => void,
): string {
	const { trigger, endpoint, claimKey } = delivery;
	const attempt: Attempt = {
		endpoint,
		claimKey,
		event: `${trigger}|${claimKey}`,
		state: 'waiting',
	};
	const token = newToken();
	const pushedOut = keep(attempts, token, attempt);
	if (pushedOut?.[1].state === 'abandoned') {
		abandonedEarlier.set(pushedOut[0], { attempt: pushedOut[1], at: Date.now() });
		if (abandonedEarlier.size > 10 * MAX_KEPT)
			abandonedEarlier.delete(abandonedEarlier.keys().next().value as string);
	}
	waiting.set(attempt.event, attempt);
	answerOnceStarted(response, attempt, warn);
	beingRecorded += 1;
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		beingRecorded -= 1;
		stopWaiting(attempt);
	};
	settleOnAnswer(
		response,
		(recorded) => {
			release();
			settle(recorded);
		},
		release,
	);
	markChangedUntilAnswered(staticData, response);
	return token;
}
