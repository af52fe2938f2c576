import { deleteOperation } from '../../../shared/descriptions/operations';
import { contactRecord } from './locator';

export const { option, properties } = deleteOperation(contactRecord, 'Delete a contact', 'Delete a contact and its conversations');
