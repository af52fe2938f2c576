import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';

import { collectionName } from '../../../shared/descriptions/builders';

/** What the two Send and Wait operations share: the conversation they wait in and how long they wait. */

/** The Limit Wait Time option (in the operation's Options), read by waitLimit. */
export const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	default: {
		values: { limitType: 'afterTimeInterval', resumeAmount: 1, resumeUnit: 'hours' },
	},
	description:
		'How long to wait for an answer; after that the execution continues with an empty answer and timed_out set to true',
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{
							name: 'After Time Interval',
							value: 'afterTimeInterval',
							description: 'Stop waiting after an amount of time',
						},
						{
							name: 'At Specified Time',
							value: 'atSpecifiedTime',
							description: 'Stop waiting at a date and time',
						},
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					default: 1,
					typeOptions: { minValue: 0, numberPrecision: 2 },
					description: 'How many units to wait',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					default: 'hours',
					options: [
						{ name: 'Seconds', value: 'seconds' },
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					description: 'When to stop waiting',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

const UNIT_MS: Record<string, number> = {
	seconds: 1000,
	minutes: 60_000,
	hours: 3_600_000,
	days: 86_400_000,
};

/** When the wait ends without an answer: the Limit Wait Time option, or never. */
export function waitLimit(context: IExecuteFunctions): Date {
	// each waiting operation has its own Options collection (see collectionName)
	const options = collectionName(
		'options',
		'message',
		String(context.getNodeParameter('operation', 0)),
	);
	const limit = context.getNodeParameter(`${options}.limitWaitTime.values`, 0, {}) as IDataObject;
	if (!Object.keys(limit).length) return WAIT_INDEFINITELY;
	const node = context.getNode();
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(limit.resumeAmount ?? 1);
		const unit = UNIT_MS[String(limit.resumeUnit ?? 'hours')];
		if (!Number.isFinite(amount) || amount <= 0 || unit === undefined)
			throw new NodeOperationError(
				node,
				`Limit Wait Time: the Amount must be a number above 0 (got '${String(limit.resumeAmount)}')`,
			);
		return new Date(Date.now() + amount * unit);
	}
	const at = new Date(String(limit.maxDateAndTime ?? ''));
	if (!limit.maxDateAndTime || Number.isNaN(at.getTime()))
		throw new NodeOperationError(
			node,
			`Limit Wait Time: the Max Date and Time is not a date (got '${String(limit.maxDateAndTime ?? '')}')`,
		);
	return at;
}

/**
 * Waits until `waitTill` and says on time-out that it timed out. n8n does not call a waiting node when its limit
 * passes: it passes on the input the waiting node was given (the node's entry on the execution stack, kept with the
 * waiting execution). So that input is replaced, for this node only, by what the time-out should say: one item,
 * `{ ...onTimeOut, timed_out: true }`, paired with item 0 — as the answer or reply is (one message per execution, for
 * the first item). Returns what the node outputs while it waits (its input, as n8n's own waiting nodes do).
 */
export async function waitUntil(
	context: IExecuteFunctions,
	waitTill: Date,
	onTimeOut: IDataObject,
): Promise<INodeExecutionData[][]> {
	const input = context.getInputData();
	const waiting = context.getExecuteData().data;
	waiting.main = [[{ json: { ...onTimeOut, timed_out: true }, pairedItem: { item: 0 } }]];
	await context.putExecutionToWait(waitTill);
	return [input];
}

/** The Conversation field as a number: both operations post into it by its display ID. */
export function conversationNumber(context: IExecuteFunctions): number {
	const raw = context.getNodeParameter('conversationId', 0, '', { extractValue: true });
	const id = Number(String(raw ?? '').trim());
	if (!Number.isInteger(id) || id < 1)
		throw new NodeOperationError(
			context.getNode(),
			`The 'Conversation' field must be a conversation number above 0 (got '${String(raw ?? '')}')`,
		);
	return id;
}

/**
 * A Send and Wait that failed before it waited (bad input, HueChat refused): under Continue On Fail one error item
 * paired with item 0 (the item the message was for), as the node's other operations give one; otherwise the error,
 * HueChat's refusals as the shared request path words them.
 */
export function failedBeforeWaiting(
	context: IExecuteFunctions,
	error: unknown,
): INodeExecutionData[][] {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error as Error);
	if (!context.continueOnFail()) throw nodeError;
	return [[{ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: 0 } }]];
}
