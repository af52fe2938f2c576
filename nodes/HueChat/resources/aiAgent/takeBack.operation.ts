import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { checkFields } from '../../../shared/validation/checks';
import { conversationIdCheck, conversationLocator } from '../conversation/locator';
import { aiAgentIdCheck, aiAgentLocator, aiAgentUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Take Back Conversation',
	value: 'takeBack',
	action: 'Take back a conversation from an AI agent',
	description:
		"Humans answer the conversation again (it goes to the agent's handoff team when it has one)",
	routing: {
		request: { method: 'DELETE', url: aiAgentUrl('/conversations/{{$parameter.conversationId}}') },
		send: { preSend: [checkFields(aiAgentIdCheck, conversationIdCheck)] },
	},
};

export const properties: INodeProperties[] = [
	aiAgentLocator(['takeBack']),
	conversationLocator('aiAgent', ['takeBack']),
];
