import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { dealRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	dealRecord,
	'Delete a deal',
	'Delete a deal',
);
