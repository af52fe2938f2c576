import { getOperation } from '../../../shared/descriptions/operations';
import { ticketRecord } from './locator';

export const { option, properties } = getOperation(ticketRecord, 'Get a ticket', 'Get a ticket by ID', { simplify: true });
