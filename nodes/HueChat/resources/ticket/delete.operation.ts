import { deleteOperation } from '../../../shared/descriptions/operations';
import { ticketRecord } from './locator';

export const { option, properties } = deleteOperation(ticketRecord, 'Delete a ticket', 'Delete a ticket with its comments');
