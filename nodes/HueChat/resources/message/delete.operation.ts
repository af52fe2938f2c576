import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { conversationIdCheck } from '../conversation/locator';
import { messageIdCheck, messageIdField, messagePath, messageConversationLocator } from './message';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a message',
	description: 'Delete a message: its text is replaced and its attachments are removed',
	routing: {
		request: { method: 'DELETE', url: messagePath },
		send: { preSend: [checkFields(conversationIdCheck, messageIdCheck)] },
	},
};

export const properties: INodeProperties[] = [
	messageConversationLocator(['delete']),
	messageIdField(['delete']),
	simplifyToggle('message', ['delete']),
];
