import { simplifyToggle } from '../../../shared/descriptions/builders';
import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { ticketUpdateOptions } from './fields';
import { ticketRecord } from './locator';

export const { option, properties } = updateRecordOperation(
	ticketRecord,
	'Update a ticket',
	'Change the fields you set, e.g. the status (closed is final)',
	ticketUpdateOptions,
	{
		checks: [{ parameter: 'ticketUpdateFields.dueAt', label: 'Due At', check: 'date' }],
		collection: {
			description: 'Only the fields you set change; closed tickets can not be changed',
		},
		after: [simplifyToggle('ticket', ['update'])],
	},
);
