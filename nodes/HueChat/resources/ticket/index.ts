import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { deleteRouting, idempotentCreateRouting, listRouting, recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { ticketCommentDescription, ticketCreateDescription, ticketGetAllDescription, ticketUpdateDescription, ticketUpdateFieldNames } from './fields';
import { ticketIdCheck, ticketLocator } from './locator';

const byId = (suffix = '') => v2(`/tickets/{{$parameter.ticketId}}${suffix}`);

export const ticketDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{
				name: 'Add Comment',
				value: 'addComment',
				action: 'Add a comment to a ticket',
				description: 'Comment on a ticket, or add a private note (not on closed tickets)',
				routing: recordRouting('POST', byId('/comments'), undefined, [checkFields(ticketIdCheck, { parameter: 'content', label: 'Content', check: 'notBlank' })]),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a ticket',
				description: 'Open a ticket for a contact, optionally linked to a conversation',
				routing: idempotentCreateRouting(v2('/tickets'), undefined, [
					checkFields(
						{ parameter: 'subject', label: 'Subject', check: 'notBlank' },
						{ parameter: 'contactId', label: 'Contact', check: 'positiveInteger' },
						{ parameter: 'additionalFields.dueAt', label: 'Due At', check: 'date' },
					),
					dropEmptyBodyFields,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a ticket',
				description: 'Delete a ticket with its comments',
				routing: deleteRouting(byId(), [checkFields(ticketIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a ticket',
				description: 'Get a ticket by ID',
				routing: recordRouting('GET', byId(), undefined, [checkFields(ticketIdCheck)]),
			},
			{
				name: 'Get Comments',
				value: 'getComments',
				action: 'Get the comments of a ticket',
				description: 'List the comments of a ticket, oldest first',
				routing: listRouting('GET', byId('/comments'), V2_LIST, [checkFields(ticketIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tickets',
				description: 'List tickets, 100 a request, following the pages for you',
				routing: listRouting('GET', v2('/tickets'), V2_LIST),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a ticket',
				description: 'Change the fields you set, e.g. the status (closed is final)',
				routing: recordRouting('PATCH', byId(), undefined, [
					checkFields(ticketIdCheck, { parameter: 'updateFields.dueAt', label: 'Due At', check: 'date' }),
					requireSomeField('updateFields', ticketUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	ticketLocator(['addComment', 'delete', 'get', 'getComments', 'update']),
	...ticketCreateDescription,
	simplifyToggle('ticket', ['get']),
	...ticketGetAllDescription,
	...ticketUpdateDescription,
	...ticketCommentDescription,
];
