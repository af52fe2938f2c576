import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { checkFields } from '../../../shared/validation/checks';
import { labelSettingFields, labelTitleField, labelFieldChecks } from './fields';
import { labelRecord } from './locator';

const updateFields = [...labelSettingFields, labelTitleField(false)];

export const { option, properties } = updateRecordOperation(
	labelRecord,
	'Update a label',
	'Change the fields you set; a new title renames the label everywhere',
	updateFields,
	{
		preSend: [
			checkFields(
				{ parameter: 'labelUpdateFields.title', label: 'Title', check: 'labelTitle' },
				...labelFieldChecks('labelUpdateFields'),
			),
		],
	},
);
