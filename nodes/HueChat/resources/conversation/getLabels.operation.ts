import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { labelsOutput } from '../../../shared/descriptions/labels';
import { conversationUrl, checkConversationId, conversationLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Labels',
	value: 'getLabels',
	action: 'Get the labels of a conversation',
	description: 'List the labels of a conversation',
	routing: {
		request: { method: 'GET', url: conversationUrl('/labels') },
		send: { preSend: [checkConversationId] },
		output: { postReceive: [labelsOutput('conversation_id', 'conversationId')] },
	},
};

export const properties: INodeProperties[] = [conversationLocator('conversation', ['getLabels'])];
