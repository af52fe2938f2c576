import { getRecordOperation } from '../../../shared/descriptions/operations';
import { contactListRecord } from './locator';

export const { option, properties } = getRecordOperation(
	contactListRecord,
	'Get a contact list',
	'Get a contact list by ID, with its member count',
);
