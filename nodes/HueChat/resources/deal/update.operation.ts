import { simplifyToggle } from '../../../shared/descriptions/builders';
import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { dealFieldChecks, dealUpdateOptions } from './fields';
import { dealRecord } from './locator';

export const { option, properties } = updateRecordOperation(
	dealRecord,
	'Update a deal',
	'Change the fields you set; a new stage must belong to the (new) pipeline',
	dealUpdateOptions,
	{
		checks: [
			...dealFieldChecks('dealUpdateFields'),
			{ parameter: 'dealUpdateFields.stageId', label: 'Stage', check: 'uuid' },
		],
		collection: { description: 'Only the fields you set change' },
		before: [simplifyToggle('deal', ['update'])],
	},
);
