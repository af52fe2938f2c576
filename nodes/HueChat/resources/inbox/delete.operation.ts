import { deleteOperation } from '../../../shared/descriptions/operations';
import { inboxRecord } from './locator';

export const { option, properties } = deleteOperation(inboxRecord, 'Delete an inbox', 'Delete an inbox with its conversations');
