import { randomBytes } from 'crypto';

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { headerValue } from '../shared/transport/headers';
import { startedHere } from './recording';

/**
 * In queue mode a worker runs the execution, and the process holding HueChat's answer (the webhook process) never
 * sees it start: a worker failing the execution before its first node (its database locked) lost events n8n had
 * acknowledged. So the item handed to n8n carries a start ticket beside its JSON: the URL the delivery came to and a
 * random token only that process knows. The trigger node, running where the token is unknown, POSTs it there (a start
 * notice); the answer says whether this execution runs the event (only its first start does).
 *
 * The notice fails open: when it is refused or cannot be answered within a minute, the execution runs (never lost; it
 * could run twice when that process answered HueChat 503 meanwhile), and so do the next five minutes' without asking.
 * A notice with the delivery's own webhook-id reaches the process that received it where a balancer routes by it;
 * one that reaches another process runs and turns holding off there (recording.ts, noticesStray).
 */
const TICKET = 'hueChatStart';
const HEADER = 'x-huechat-started';
/** Names this run of the execution: its notice asked again is the same start, a stalled job run again is not. */
const RUN_HEADER = 'x-huechat-started-run';
const NOTICE_TIMEOUT_MS = 10_000;
const NOTICE_PATIENCE_MS = 60_000;
/** A URL no notice reached within NOTICE_PATIENCE_MS is not asked again for this long: executions run at once. */
const UNREACHABLE_FOR_MS = 5 * 60_000;
const unreachable = new Map<string, number>();

export interface StartTicket extends IDataObject {
	/** Where HueChat delivered it (n8n's webhook URL); absent where n8n gives the node none. */
	url?: string;
	token: string;
}

/** The item n8n starts the execution with: the event's JSON, and the ticket no node after the trigger sees. */
export function itemWithTicket(
	json: IDataObject,
	url: string | undefined,
	token: string,
): INodeExecutionData {
	const ticket: StartTicket = url ? { url, token } : { token };
	return { json, [TICKET]: ticket };
}

/** The start notice a request carries, if it is one (HueChat's deliveries never carry the header). */
export function startNoticeOf(headers: IDataObject): { token: string; run: string } | undefined {
	const token = headerValue(headers, HEADER);
	return token === undefined ? undefined : { token, run: headerValue(headers, RUN_HEADER) ?? '' };
}

function ticketOf(item: INodeExecutionData): StartTicket | undefined {
	const ticket = item[TICKET] as Partial<StartTicket> | undefined;
	return typeof ticket?.token === 'string' ? (ticket as StartTicket) : undefined;
}

/**
 * Called by the trigger node for each item when it runs in an execution: the item to pass on (without its ticket), or
 * undefined when it does not go on. Where the delivery came to this process, recording.ts knows (startedHere);
 * elsewhere the process that received it is asked.
 */
export async function mayStart(
	context: IExecuteFunctions,
	item: INodeExecutionData,
): Promise<INodeExecutionData | undefined> {
	const ticket = ticketOf(item);
	const passed = { ...item };
	delete passed[TICKET];
	// pinned data: nothing to arbitrate
	if (!ticket) return passed;
	const here = startedHere(ticket.token);
	if (here !== undefined) return here ? passed : undefined;
	const { url } = ticket;
	if (!url || (unreachable.get(url) ?? 0) > Date.now()) return passed;
	const id = String(item.json.id);
	const run = randomBytes(9).toString('base64url');
	// n8n answers 503 while its database check fails (a burst of deliveries): the notice is tried again for a minute
	const deadline = Date.now() + NOTICE_PATIENCE_MS;
	for (let delay = 500; ; delay = Math.min(delay * 2, 8_000)) {
		let failure: string;
		try {
			const answer = (await context.helpers.httpRequest({
				method: 'POST',
				url,
				// a balancer that routes HueChat's deliveries by event id brings the notice to the same process
				headers: {
					[HEADER]: ticket.token,
					[RUN_HEADER]: run,
					'webhook-id': id,
					'x-chatwoot-delivery': id,
				},
				body: {},
				json: true,
				timeout: NOTICE_TIMEOUT_MS,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; body?: IDataObject };
			if (answer.statusCode < 300) return answer.body?.run === false ? undefined : passed;
			failure = `answered ${answer.statusCode}`;
			if (answer.statusCode < 500) delay = Infinity; // refused: asking again changes nothing
		} catch (error) {
			failure = (error as Error).message;
		}
		if (Date.now() + delay > deadline) {
			context.logger.warn(
				`HueChat Trigger: could not tell the n8n process that received event ${id} that its execution started (${failure}); running it, and the next ${UNREACHABLE_FOR_MS / 60_000} minutes' executions without asking`,
			);
			unreachable.set(url, Date.now() + UNREACHABLE_FOR_MS);
			return passed;
		}
		await sleep(delay);
	}
}
