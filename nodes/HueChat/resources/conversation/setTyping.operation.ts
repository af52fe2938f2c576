import type {
	INodePropertyOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { conversationLocator, conversationUrl, checkConversationId } from './locator';

export const option: INodePropertyOptions = {
	name: 'Set Typing',
	value: 'setTyping',
	action: 'Set the typing status of a conversation',
	description: 'Show or hide the "agent is typing" indicator to the contact',
	routing: {
		request: { method: 'POST', url: conversationUrl('/toggle_typing_status') },
		send: { preSend: [checkConversationId] },
		output: { postReceive: [typingSet] },
	},
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['setTyping']),
	{
		displayName: 'Typing Status',
		name: 'typingStatus',
		type: 'options',
		required: true,
		options: [
			{ name: 'On', value: 'on', description: 'Show "agent is typing…" to the contact' },
			{ name: 'Off', value: 'off', description: 'Hide the indicator' },
		],
		default: 'on',
		displayOptions: showFor('conversation', ['setTyping']),
		routing: { send: { type: 'body', property: 'typing_status' } },
	},
	{
		displayName: 'Private',
		name: 'isPrivate',
		type: 'boolean',
		default: false,
		description: 'Whether the typing is of a private note (shown to agents only)',
		displayOptions: showFor('conversation', ['setTyping']),
		routing: { send: { type: 'body', property: 'is_private' } },
	},
];

/** postReceive: HueChat answers 204; the item says what was sent. */
export async function typingSet(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const id = Number(this.getNodeParameter('conversationId', '', { extractValue: true }));
	return [
		{
			json: {
				success: true,
				conversation_id: id,
				typing_status: this.getNodeParameter('typingStatus', 'on') as string,
			},
		},
	];
}
