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
 * could run twice when that process answered HueChat 503 meanwhile).
 */
const TICKET = 'hueChatStart';
const HEADER = 'x-huechat-started';
const NOTICE_TIMEOUT_MS = 10_000;
const NOTICE_PATIENCE_MS = 60_000;

export interface StartTicket extends IDataObject {
	url: string;
	token: string;
}

/** The item n8n starts the execution with: the event's JSON, and the ticket no node after the trigger sees. */
export function itemWithTicket(json: IDataObject, ticket: StartTicket): INodeExecutionData {
	return { json, [TICKET]: ticket };
}

/** The token of the start notice a request carries, if it is one (HueChat's deliveries never carry the header). */
export function startNoticeOf(headers: IDataObject): string | undefined {
	return headerValue(headers, HEADER);
}

function ticketOf(item: INodeExecutionData): StartTicket | undefined {
	const ticket = item[TICKET] as Partial<StartTicket> | undefined;
	return typeof ticket?.url === 'string' && typeof ticket.token === 'string'
		? (ticket as StartTicket)
		: undefined;
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
	// pinned data, n8n's retry of a failed execution: nothing to arbitrate
	if (!ticket) return passed;
	const here = startedHere(ticket.token);
	if (here !== undefined) return here ? passed : undefined;
	// n8n answers 503 while its database check fails (a burst of deliveries): the notice is tried again for a minute
	const deadline = Date.now() + NOTICE_PATIENCE_MS;
	for (let delay = 500; ; delay = Math.min(delay * 2, 8_000)) {
		let failure: string;
		try {
			const answer = (await context.helpers.httpRequest({
				method: 'POST',
				url: ticket.url,
				headers: { [HEADER]: ticket.token },
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
				`HueChat Trigger: could not tell the n8n process that received event ${String(item.json.id)} that its execution started (${failure}); running it`,
			);
			return passed;
		}
		await sleep(delay);
	}
}
