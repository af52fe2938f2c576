import type { INodeProperties } from 'n8n-workflow';

import { createOptions, idField, idLocator, returnAllAndLimit, showFor, simplifyToggle, textField } from '../../../shared/descriptions/builders';
import { AS_NUMBER, TEXT_LIST } from '../../../shared/validation/inputExpressions';
import { parseJsonBody, UNIX_SECONDS } from '../../../shared/validation/checks';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './locator';

/** The optional ticket fields Create and Update share (Update adds Subject and Contact ID). */
const ticketFields: INodeProperties[] = [
	idField('Assignee ID', 'assigneeId', 'assignee_id', 'body', { description: 'ID of the agent who works on it' }),
	idField('Conversation ID', 'conversationId', 'conversation_id', 'body', { description: 'The conversation it is about, by its number as shown in HueChat (display ID)' }),
	{
		displayName: 'Custom Attributes',
		name: 'customAttributes',
		type: 'json',
		default: '{}',
		description: 'A JSON object; merged into the existing ones on update',
		routing: { send: { type: 'body', property: 'custom_attributes', preSend: [parseJsonBody('custom_attributes', 'Custom Attributes')] } },
	},
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

const showCreate = showFor('ticket', ['create']);

export const ticketCreateDescription: INodeProperties[] = [
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Refund not received',
		displayOptions: showCreate,
		routing: { send: { type: 'body', property: 'subject' } },
	},
	{
		...idLocator({ name: 'contactId', displayName: 'Contact', searchMethod: 'searchContacts', urlSegment: 'contacts', description: 'Who the ticket is for' }, showCreate),
		routing: { send: { type: 'body', property: 'contact_id', value: AS_NUMBER } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showCreate,
		options: ticketFields,
	},
	createOptions('ticket'),
];

const updateOptions = ([
	...ticketFields,
	idField('Contact ID', 'contactId', 'contact_id'),
	textField('Subject', 'subject', 'subject'),
] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const ticketUpdateFieldNames = updateOptions.map((field) => field.displayName);

export const ticketUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you set change; closed tickets can not be changed',
		displayOptions: showFor('ticket', ['update']),
		options: updateOptions,
	},
	simplifyToggle('ticket', ['update']),
];

export const ticketGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('ticket', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('ticket', ['getAll']),
		options: [
			idField('Assignee ID', 'assigneeId', 'assignee_id', 'query'),
			idField('Contact ID', 'contactId', 'contact_id', 'query'),
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 'high',
				options: TICKET_PRIORITIES,
				routing: { send: { type: 'query', property: 'priority' } },
			},
			textField('Search Text', 'q', 'q', 'query', { description: 'Only tickets whose subject or description contains this text' }),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'open',
				options: TICKET_STATUSES,
				routing: { send: { type: 'query', property: 'status' } },
			},
			idField('Team ID', 'teamId', 'team_id', 'query'),
		],
	},
	simplifyToggle('ticket', ['getAll']),
];

export const ticketCommentDescription: INodeProperties[] = [
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: showFor('ticket', ['addComment']),
		routing: { send: { type: 'body', property: 'content' } },
	},
	{
		displayName: 'Private Note',
		name: 'private',
		type: 'boolean',
		default: false,
		description: 'Whether only agents see the comment',
		displayOptions: showFor('ticket', ['addComment']),
		routing: { send: { type: 'body', property: 'private' } },
	},
	...returnAllAndLimit('ticket', 'getComments'),
];
