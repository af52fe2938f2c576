import { getRecordOperation } from '../../../shared/descriptions/operations';
import { aiAgentRecord } from './locator';

export const { option, properties } = getRecordOperation(
	aiAgentRecord,
	'Get an AI agent',
	'Get an AI agent by ID, with the conversations it answers',
);
