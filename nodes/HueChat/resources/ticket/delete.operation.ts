import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { ticketRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	ticketRecord,
	'Delete a ticket',
	'Delete a ticket with its comments',
);
