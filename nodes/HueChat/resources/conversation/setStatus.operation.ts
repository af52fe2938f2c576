import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting } from '../../../shared/descriptions/builders';
import { UNIX_SECONDS, checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { conversationLocator, conversationUrl, conversationIdCheck } from './locator';
import { CONVERSATION_STATUSES } from './status';

export const option: INodePropertyOptions = {
	name: 'Set Status',
	value: 'setStatus',
	action: 'Set the status of a conversation',
	description: 'Open, resolve, mark pending or snooze a conversation',
	routing: recordRouting('POST', conversationUrl('/toggle_status'), 'payload', [
		checkFields(conversationIdCheck, {
			parameter: 'snoozedUntil',
			label: 'Snoozed Until',
			check: 'date',
			optional: true,
		}),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['setStatus']),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: CONVERSATION_STATUSES,
		default: 'resolved',
		displayOptions: showFor('conversation', ['setStatus']),
		routing: { send: { type: 'body', property: 'status' } },
	},
	{
		displayName: 'Snoozed Until',
		name: 'snoozedUntil',
		type: 'dateTime',
		default: '',
		description: 'When the conversation reopens; empty snoozes until the contact replies',
		displayOptions: {
			show: { resource: ['conversation'], operation: ['setStatus'], status: ['snoozed'] },
		},
		routing: {
			send: {
				type: 'body',
				property: 'snoozed_until',
				value: '={{ $value === "" ? undefined : ' + UNIX_SECONDS.slice(4),
			},
		},
	},
];
