import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { AS_NUMBER } from '../../../shared/validation/inputExpressions';
import { conversationIdCheck, conversationLocator } from '../conversation/locator';
import { aiAgentIdCheck, aiAgentLocator, aiAgentUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Hand Over Conversation',
	value: 'handOver',
	action: 'Hand over a conversation to an AI agent',
	description: 'Let the AI agent answer a conversation',
	routing: recordRouting('POST', aiAgentUrl('/conversations'), undefined, [
		checkFields(aiAgentIdCheck, conversationIdCheck),
	]),
};

export const properties: INodeProperties[] = [
	aiAgentLocator(['handOver']),
	{
		...conversationLocator('aiAgent', ['handOver']),
		routing: { send: { type: 'body', property: 'conversation_id', value: AS_NUMBER } },
	},
];
