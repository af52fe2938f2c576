import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { agentRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	agentRecord,
	'Delete an agent',
	'Remove an agent from the account, its teams and inboxes; their conversations become unassigned',
);
