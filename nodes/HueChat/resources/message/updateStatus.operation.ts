import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyToggle, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { conversationIdCheck } from '../conversation/locator';
import { messageIdField, messageIdCheck, messagePath, messageConversationLocator } from './message';

export const option: INodePropertyOptions = {
	name: 'Update Status',
	value: 'updateStatus',
	action: 'Update the status of a message',
	description: 'Report a message as sent, delivered, read or failed (messages of API inboxes)',
	routing: recordRouting('PATCH', messagePath, undefined, [
		checkFields(conversationIdCheck, messageIdCheck),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	messageConversationLocator(['updateStatus']),
	messageIdField(['updateStatus']),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Read', value: 'read' },
			{ name: 'Sent', value: 'sent' },
		],
		default: 'delivered',
		description: 'The delivery status reported by your channel (API inboxes only)',
		displayOptions: showFor('message', ['updateStatus']),
		routing: { send: { type: 'body', property: 'status' } },
	},
	{
		displayName: 'External Error',
		name: 'externalError',
		type: 'string',
		default: '',
		description: 'Why delivery failed, shown to agents',
		displayOptions: {
			show: { resource: ['message'], operation: ['updateStatus'], status: ['failed'] },
		},
		routing: { send: { type: 'body', property: 'external_error' } },
	},
	simplifyToggle('message', ['updateStatus']),
];
