import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	idField,
	listRouting,
	returnAllAndLimit,
	showFor,
	simplifyToggle,
	textField,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tickets',
	description: 'List tickets, 100 a request, following the pages for you',
	routing: listRouting('GET', v2('/tickets'), V2_LIST),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('ticket', 'getAll'),
	{
		...collectionHead('filters', 'ticket', 'getAll'),
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
			textField('Search Text', 'q', 'q', 'query', {
				description: 'Only tickets whose subject or description contains this text',
			}),
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
