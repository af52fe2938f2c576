import { getRecordOperation } from '../../../shared/descriptions/operations';
import { contactRecord } from './locator';

export const { option, properties } = getRecordOperation(
	contactRecord,
	'Get a contact',
	'Get a contact by ID',
	{ root: 'payload', simplify: true },
);
