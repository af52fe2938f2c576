import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { labelRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	labelRecord,
	'Delete a label',
	'Delete a label',
);
