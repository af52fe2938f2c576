import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { conversationLocator, conversationUrl, checkConversationId } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a conversation',
	description: 'Delete a conversation and its messages',
	routing: deleteRouting(conversationUrl(), [checkConversationId]),
};

export const properties: INodeProperties[] = [conversationLocator('conversation', ['delete'])];
