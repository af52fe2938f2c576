import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Acknowledged means recorded. n8n 2.x answers an accepted delivery (onReceived) only after WorkflowRunner.run has
 * recorded the execution, and answers 5xx when it could not. The claim of the delivery (dedupe.ts) is settled from that
 * answer, and the static data that remembers it is kept marked changed until then so that n8n saves it.
 */

/** What the trigger uses of n8n's HTTP response to the delivery. */
export interface ServerResponse {
	statusCode: number;
	headersSent: boolean;
	writableEnded: boolean;
	writableFinished: boolean;
	once(event: 'finish' | 'close', listener: () => void): unknown;
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

/** Settles `settle` from n8n's answer to this delivery, and has n8n save `staticData` with the claim in it. */
export function followRecording(
	staticData: IDataObject,
	response: ServerResponse,
	settle: (recorded: boolean) => void,
): void {
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
