import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { contactRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	contactRecord,
	'Delete a contact',
	'Delete a contact and its conversations',
);
