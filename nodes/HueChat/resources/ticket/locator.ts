import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function ticketLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'ticketId',
			displayName: 'Ticket',
			searchMethod: 'searchTickets',
			idKind: 'uuid',
			description: 'The ticket to use',
		},
		showFor('ticket', operations),
	);
}

export const ticketIdCheck = { parameter: 'ticketId', label: 'Ticket', check: 'uuid' as const };

export const TICKET_STATUSES: INodePropertyOptions[] = [
	{ name: 'Closed', value: 'closed', description: 'Final: a closed ticket can no longer change' },
	{ name: 'On Hold', value: 'on_hold' },
	{ name: 'Open', value: 'open' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Solved', value: 'solved' },
];

export const TICKET_PRIORITIES: INodePropertyOptions[] = [
	{ name: 'Low', value: 'low' },
	{ name: 'Medium', value: 'medium' },
	{ name: 'High', value: 'high' },
	{ name: 'Urgent', value: 'urgent' },
];

export const ticketUrl = (suffix = '') => v2(`/tickets/{{$parameter.ticketId}}${suffix}`);

/** What ticket operations on one record share: the picker, the record's URL and the ID check. */
export const ticketRecord: RecordKind = {
	resource: 'ticket',
	picker: ticketLocator,
	url: ticketUrl(),
	check: checkFields(ticketIdCheck),
};
