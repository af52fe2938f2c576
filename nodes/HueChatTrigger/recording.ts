import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Acknowledged means recorded, and where the execution runs in this process, started. n8n 2.x answers an accepted
 * delivery (onReceived) only after WorkflowRunner.run has recorded the execution, and answers 5xx when it could not.
 * The claim of the delivery (dedupe.ts) is settled from that answer, and the static data that remembers it is kept
 * marked changed until then so that n8n saves it.
 *
 * Recorded is not yet run: n8n on PostgreSQL with its pool exhausted recorded executions, answered 200, then failed
 * them before their first node (19 of 1,000 under a locked table). So n8n's 2xx is held until the trigger node itself
 * runs in the execution (startedHere). Where executions run in this process (n8n's regular mode, learnt from the first
 * that starts here), one not started within 8 s (holdLimits) is answered 503, the claim is withdrawn so HueChat's retry
 * runs the event, and should the execution start after all, the trigger passes nothing on. In queue mode executions
 * start in a worker: answers wait during a process's first minute (holdLimits), then they are n8n's own.
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

/** An accepted delivery's execution, known by the item the trigger handed to n8n (the same object runs it here). */
interface Attempt {
	endpoint: Endpoint;
	state: 'waiting' | 'started' | 'abandoned';
	/** Sends n8n's held answer. */
	onStart?: () => void;
}
const attempts = new WeakMap<object, Attempt>();
/**
 * Per endpoint, whether this process runs the executions its deliveries start: true from the first that starts here
 * (n8n's regular mode), false when none started within holdLimits.learnMs of the first answer held for one (queue
 * mode: workers run them), unknown at first. Production and test apart: in queue mode the main process runs test
 * executions only.
 */
const runsHere: Record<Endpoint, boolean | undefined> = { production: undefined, test: undefined };
const learningSince: Record<Endpoint, number | undefined> = {
	production: undefined,
	test: undefined,
};
/** How long answers wait for a start (a process's tests shorten them; nothing else changes them). */
export const holdLimits = {
	/** Where executions run here, how long n8n's 2xx waits for the start; HueChat waits 10 s in all. */
	startWaitMs: 8_000,
	/**
	 * While it is unknown where executions run, answers wait for one to start here at most this long. An overloaded
	 * n8n on PostgreSQL took more than 20 s to start its first (its pool's time-out); a worker's start is never seen,
	 * so in queue mode the deliveries of a process's first minute wait (HueChat retries them) and none after.
	 */
	learnMs: 60_000,
};

/**
 * Called by the trigger node when it runs in an execution: which of its input items go on. An item of an attempt
 * whose answer already gave up (503) does not: HueChat's retry runs that event.
 */
export function startedHere(item: object): boolean {
	const attempt = attempts.get(item);
	if (!attempt) return true; // another process's delivery (queue mode), pinned data
	if (attempt.state === 'abandoned') return false;
	runsHere[attempt.endpoint] = true;
	attempt.state = 'started';
	attempt.onStart?.();
	attempt.onStart = undefined;
	return true;
}

const NOT_STARTED = JSON.stringify({
	error: 'n8n recorded the execution but has not started it; try again later',
	reason: 'not-started',
});

/**
 * Holds n8n's 2xx for this attempt until its execution starts here. Where executions run here, one not started within
 * holdLimits.startWaitMs is answered 503; where they do not, n8n's 2xx goes at once; until that is known, answers wait.
 */
function answerOnceStarted(response: ServerResponse, attempt: Attempt): void {
	const end = response.end.bind(response);
	const { endpoint } = attempt;
	response.end = (...args: unknown[]) => {
		response.end = end;
		if (
			runsHere[endpoint] === false ||
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
				if (attempt.state === 'started' || runsHere[endpoint] === false) return end(...args);
				if (runsHere[endpoint] === true && Date.now() - heldAt >= holdLimits.startWaitMs) break;
				if (
					runsHere[endpoint] === undefined &&
					Date.now() - learningSince[endpoint]! >= holdLimits.learnMs
				) {
					runsHere[endpoint] = false;
					return end(...args);
				}
				await Promise.race([started, sleep(250)]);
			}
			attempt.state = 'abandoned';
			attempt.onStart = undefined;
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
 * Settles `settle` from n8n's answer to this delivery (held until its execution starts, where it runs here), and has
 * n8n save `staticData` with the claim in it. `item` is the JSON of the item handed to n8n for the execution.
 */
export function followRecording(
	staticData: IDataObject,
	response: ServerResponse,
	settle: (recorded: boolean) => void,
	item: object,
	endpoint: Endpoint,
): void {
	const attempt: Attempt = { endpoint, state: 'waiting' };
	attempts.set(item, attempt);
	answerOnceStarted(response, attempt);
	beingRecorded += 1;
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		beingRecorded -= 1;
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
}
