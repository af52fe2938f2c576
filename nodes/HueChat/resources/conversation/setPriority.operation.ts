import type {
	INodePropertyOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { conversationLocator, conversationUrl, checkConversationId } from './locator';
import { CONVERSATION_PRIORITIES, PRIORITY_VALUE } from './priority';

export const option: INodePropertyOptions = {
	name: 'Set Priority',
	value: 'setPriority',
	action: 'Set the priority of a conversation',
	description: 'Mark a conversation urgent, high, medium or low priority, or clear its priority',
	routing: {
		request: { method: 'POST', url: conversationUrl('/toggle_priority') },
		send: { preSend: [checkConversationId] },
		output: { postReceive: [prioritySet] },
	},
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['setPriority']),
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		required: true,
		options: CONVERSATION_PRIORITIES,
		default: 'high',
		displayOptions: showFor('conversation', ['setPriority']),
		routing: { send: { type: 'body', property: 'priority', value: PRIORITY_VALUE } },
	},
];

/** postReceive: HueChat answers 204; the item says what is set now. */
export async function prioritySet(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const priority = String(this.getNodeParameter('priority', 'none'));
	const id = Number(this.getNodeParameter('conversationId', '', { extractValue: true }));
	return [
		{
			json: { success: true, conversation_id: id, priority: priority === 'none' ? null : priority },
		},
	];
}
