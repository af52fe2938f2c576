import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { teamRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	teamRecord,
	'Delete a team',
	'Delete a team; its conversations keep going without a team',
);
