import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { teamFields, teamNameField } from './fields';
import { teamRecord } from './locator';

const updateFields = [...teamFields, teamNameField(false)];

export const { option, properties } = updateRecordOperation(
	teamRecord,
	'Update a team',
	'Change the fields you set',
	updateFields,
);
