import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { applyLabelMode, labelFields, labelsOutput } from '../../../shared/descriptions/labels';
import { conversationUrl, checkConversationId, conversationLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Set Labels',
	value: 'setLabels',
	action: 'Set the labels of a conversation',
	description: 'Add labels to a conversation, remove some, or replace them all',
	routing: {
		request: { method: 'POST', url: conversationUrl('/labels') },
		send: { preSend: [checkConversationId, applyLabelMode] },
		output: { postReceive: [labelsOutput('conversation_id', 'conversationId')] },
	},
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['setLabels']),
	...labelFields('conversation', 'setLabels'),
];
