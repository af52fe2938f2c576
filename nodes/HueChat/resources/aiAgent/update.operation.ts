import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { checkIdList } from '../../../shared/validation/inputExpressions';
import { aiAgentUpdateOptions } from './fields';
import { aiAgentRecord } from './locator';

export const { option, properties } = updateRecordOperation(
	aiAgentRecord,
	'Update an AI agent',
	'Change the fields you set; pausing it hands its conversations back to humans',
	aiAgentUpdateOptions,
	{
		onBody: [checkIdList('inbox_ids', 'Inbox IDs', { required: false })],
		collection: { description: 'Only the fields you set change' },
	},
);
