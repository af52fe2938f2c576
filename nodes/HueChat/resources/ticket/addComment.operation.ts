import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, showFor } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { ticketUrl, ticketIdCheck, ticketLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Add Comment',
	value: 'addComment',
	action: 'Add a comment to a ticket',
	description: 'Comment on a ticket, or add a private note (not on closed tickets)',
	routing: recordRouting('POST', ticketUrl('/comments'), undefined, [
		checkFields(ticketIdCheck, { parameter: 'ticketContent', label: 'Content', check: 'notBlank' }),
	]),
};

export const properties: INodeProperties[] = [
	ticketLocator(['addComment']),
	{
		displayName: 'Content',
		name: 'ticketContent',
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
];
