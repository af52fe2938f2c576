import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { inboxRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	inboxRecord,
	'Delete an inbox',
	'Delete an inbox with its conversations',
);
