import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { broadcastRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	broadcastRecord,
	'Delete a broadcast',
	'Delete a draft or scheduled broadcast',
);
