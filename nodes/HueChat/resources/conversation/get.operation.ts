import { getRecordOperation } from '../../../shared/descriptions/operations';
import { conversationRecord } from './locator';

export const { option, properties } = getRecordOperation(
	conversationRecord,
	'Get a conversation',
	'Get a conversation by its display ID',
	{ simplify: true },
);
