import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { aiAgentRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	aiAgentRecord,
	'Delete an AI agent',
	'Delete an AI agent; its conversations go back to humans',
);
