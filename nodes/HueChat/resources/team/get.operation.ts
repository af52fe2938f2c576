import { getRecordOperation } from '../../../shared/descriptions/operations';
import { teamRecord } from './locator';

export const { option, properties } = getRecordOperation(
	teamRecord,
	'Get a team',
	'Get a team by ID',
);
