import type { INodePropertyOptions } from 'n8n-workflow';

import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

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

/** The ticket picker, the record's URL and the check of its ID. */
export const ticketRecord = pickedRecord('ticket', ticketUrl(), {
	displayName: 'Ticket',
	searchMethod: 'searchTickets',
	idKind: 'uuid',
});
export const { picker: ticketLocator, idCheck: ticketIdCheck } = ticketRecord;
