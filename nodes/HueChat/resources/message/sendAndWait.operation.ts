import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { collectionHead, collectionName, showFor } from '../../../shared/descriptions/builders';
import { CREDENTIAL_TYPE, accountPath } from '../../../shared/transport/api';
import { itemContext } from '../../../shared/transport/itemContext';
import { apiRequest } from '../../../shared/transport/request';
import { formFieldsProperty } from './sendAndWaitForm';
import {
	conversationNumber,
	failedBeforeWaiting,
	limitWaitTimeOption,
	waitLimit,
	waitUntil,
} from './waiting';
import { messageConversationLocator } from './message';

/**
 * Message → Send and Wait for Approval: n8n's send-and-wait pattern in a HueChat conversation. The node posts a
 * message (a private note for the team, or a message to the contact) holding signed links to this execution's
 * waiting webhook, then puts the execution to wait. Whoever follows a link answers; `webhook()` in
 * sendAndWaitWebhook.ts turns that answer into the node's output (`data.approved`, `data.text`). When the wait limit
 * passes first, n8n resumes the execution with the node's input passed through, as its own send-and-wait nodes do.
 */

const show = showFor('message', [SEND_AND_WAIT_OPERATION]);
/** This operation's Options collection (Limit Wait Time, link label, page title). */
export const OPTIONS = collectionName('options', 'message', SEND_AND_WAIT_OPERATION);
const showFor_ = (extra: IDataObject) => ({
	show: { ...show.show, ...extra },
});

export const option: INodePropertyOptions = {
	name: 'Send and Wait for Approval',
	value: SEND_AND_WAIT_OPERATION,
	action: 'Send a message and wait for approval',
	description:
		'Post a note for the team or a message to the contact with links to approve, decline or answer, and wait for the answer',
};

export const properties: INodeProperties[] = [
	messageConversationLocator([SEND_AND_WAIT_OPERATION]),
	{
		displayName: 'Send As',
		name: 'sendAs',
		type: 'options',
		default: 'privateNote',
		options: [
			{
				name: 'Private Note (for the Team)',
				value: 'privateNote',
				description: 'Only agents see it; the contact never does',
			},
			{
				name: 'Message to the Contact',
				value: 'message',
				description: 'An outgoing message the contact receives',
			},
		],
		displayOptions: show,
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What to ask; the answer links are added below it',
		displayOptions: show,
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'Links to approve (and optionally decline)',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'A link to a page where the answer is typed',
			},
			{
				name: 'Custom Form',
				value: 'customForm',
				description: 'A link to a form with the fields you define',
			},
		],
		displayOptions: show,
	},
	formFieldsProperty(showFor_({ responseType: ['customForm'] })),
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor_({ responseType: ['approval'] }),
		options: [
			{
				displayName: 'Type of Approval',
				name: 'approvalType',
				type: 'options',
				default: 'double',
				options: [
					{ name: 'Approve and Decline', value: 'double' },
					{ name: 'Approve Only', value: 'single' },
				],
			},
			{
				displayName: 'Approve Label',
				name: 'approveLabel',
				type: 'string',
				default: 'Approve',
				description: 'Text in front of the approval link',
			},
			{
				displayName: 'Decline Label',
				name: 'declineLabel',
				type: 'string',
				default: 'Decline',
				description: 'Text in front of the decline link',
			},
		],
	},
	{
		...collectionHead('options', 'message', SEND_AND_WAIT_OPERATION),
		displayOptions: show,
		options: [
			{
				displayName: 'Answer Link Label',
				name: 'answerLabel',
				type: 'string',
				default: 'Answer',
				description: 'Free Text and Custom Form: the text in front of the link to the answer page',
			},
			limitWaitTimeOption,
			{
				displayName: 'Page Title',
				name: 'pageTitle',
				type: 'string',
				default: '',
				description: 'Free Text and Custom Form: the title of the answer page',
			},
		],
	},
];

/** The message as posted: the question, then one line per link. */
export function composeMessage(context: IExecuteFunctions): string {
	const message = String(context.getNodeParameter('message', 0, '') ?? '').trim();
	if (!message)
		throw new NodeOperationError(
			context.getNode(),
			"The 'Message' field is empty: say what to approve or answer",
		);
	const responseType = context.getNodeParameter('responseType', 0, 'approval') as string;
	const lines: string[] = [];
	if (responseType === 'freeText' || responseType === 'customForm') {
		const label = String(
			context.getNodeParameter(`${OPTIONS}.answerLabel`, 0, 'Answer') || 'Answer',
		);
		lines.push(`${label}: ${context.getSignedResumeUrl({ approved: 'true' })}`);
	} else {
		const approval = context.getNodeParameter('approvalOptions', 0, {}) as IDataObject;
		const approveLabel = String(approval.approveLabel || 'Approve');
		lines.push(`${approveLabel}: ${context.getSignedResumeUrl({ approved: 'true' })}`);
		if ((approval.approvalType ?? 'double') === 'double') {
			const declineLabel = String(approval.declineLabel || 'Decline');
			lines.push(`${declineLabel}: ${context.getSignedResumeUrl({ approved: 'false' })}`);
		}
	}
	return `${message}\n\n${lines.join('\n')}`;
}

/** customOperations.message.sendAndWait: post the links, then wait (one message per execution, for item 0). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let waitTill: Date;
	try {
		const conversationId = conversationNumber(this);
		const content = composeMessage(this);
		waitTill = waitLimit(this);
		const sendAs = this.getNodeParameter('sendAs', 0, 'privateNote') as string;
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const url = accountPath(
			'v1',
			credentials.accountId,
			`/conversations/${conversationId}/messages`,
		);
		await apiRequest(itemContext(this, 0), 'POST', url, {
			body: { content, message_type: 'outgoing', private: sendAs === 'privateNote' },
		});
	} catch (error) {
		return failedBeforeWaiting(this, error);
	}
	return await waitUntil(this, waitTill, { data: {} });
}
