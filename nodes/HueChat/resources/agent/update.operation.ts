import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { agentFields } from './fields';
import { agentRecord } from './locator';

const updateFields = agentFields;

export const { option, properties } = updateRecordOperation(
	agentRecord,
	'Update an agent',
	"Change an agent's name, role or availability",
	updateFields,
);
