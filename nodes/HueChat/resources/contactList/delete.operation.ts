import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { contactListRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	contactListRecord,
	'Delete a contact list',
	'Delete the list; its contacts stay',
);
