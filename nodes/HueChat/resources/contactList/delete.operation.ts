import { deleteOperation } from '../../../shared/descriptions/operations';
import { contactListRecord } from './locator';

export const { option, properties } = deleteOperation(contactListRecord, 'Delete a contact list', 'Delete the list; its contacts stay');
