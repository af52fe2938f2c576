import type { INodeProperties } from 'n8n-workflow';

import { idField, textField, customAttributesField } from '../../../shared/descriptions/builders';
import { UNIX_SECONDS } from '../../../shared/validation/checks';
import { TEXT_LIST } from '../../../shared/validation/inputExpressions';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './locator';

/** The optional ticket fields Create and Update share (Update adds Subject and Contact ID). */
export const ticketFields: INodeProperties[] = [
	idField('Assignee ID', 'assigneeId', 'assignee_id', 'body', {
		description: 'ID of the agent who works on it',
	}),
	idField('Conversation ID', 'conversationId', 'conversation_id', 'body', {
		description: 'The conversation it is about, by its number as shown in HueChat (display ID)',
	}),
	customAttributesField('A JSON object; merged into the existing ones on update'),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		routing: { send: { type: 'body', property: 'description' } },
	},
	{
		displayName: 'Due At',
		name: 'dueAt',
		type: 'dateTime',
		default: '',
		routing: { send: { type: 'body', property: 'due_at', value: UNIX_SECONDS } },
	},
	{
		displayName: 'Label Names',
		name: 'labels',
		type: 'string',
		default: '',
		placeholder: 'e.g. billing, vip',
		description: 'Comma-separated labels (replace the existing ones on update)',
		routing: { send: { type: 'body', property: 'labels', value: TEXT_LIST } },
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		default: 'medium',
		options: TICKET_PRIORITIES,
		routing: { send: { type: 'body', property: 'priority' } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'open',
		options: TICKET_STATUSES,
		routing: { send: { type: 'body', property: 'status' } },
	},
	idField('Team ID', 'teamId', 'team_id'),
];

export const ticketUpdateOptions = (
	[
		...ticketFields,
		idField('Contact ID', 'contactId', 'contact_id'),
		textField('Subject', 'subject', 'subject'),
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));
