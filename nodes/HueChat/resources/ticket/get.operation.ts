import { getRecordOperation } from '../../../shared/descriptions/operations';
import { ticketRecord } from './locator';

export const { option, properties } = getRecordOperation(
	ticketRecord,
	'Get a ticket',
	'Get a ticket by ID',
	{ simplify: true },
);
