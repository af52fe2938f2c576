import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { UNIX_SECONDS } from '../../../shared/validation/checks';
import { conversationLocator } from './locator';
import { CONVERSATION_STATUSES } from './status';

export const conversationSetStatusDescription: INodeProperties[] = [
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
		displayOptions: { show: { resource: ['conversation'], operation: ['setStatus'], status: ['snoozed'] } },
		routing: { send: { type: 'body', property: 'snoozed_until', value: '={{ $value === "" ? undefined : ' + UNIX_SECONDS.slice(4) } },
	},
];
