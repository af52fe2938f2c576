import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { conversationRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	conversationRecord,
	'Delete a conversation',
	'Delete a conversation and its messages',
);
