import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { cannedResponseRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	cannedResponseRecord,
	'Delete a canned response',
	'Delete a canned response',
);
