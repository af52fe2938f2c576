import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	recordRouting,
	showFor,
	simplifyToggle,
	collectionHead,
} from '../../../shared/descriptions/builders';
import {
	checkFields,
	dropEmptyBodyFields,
	requireSomeField,
} from '../../../shared/validation/checks';
import { dealFieldChecks, dealUpdateFieldNames, dealUpdateOptions } from './fields';
import { dealUrl, dealIdCheck, dealLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a deal',
	description: 'Change the fields you set; a new stage must belong to the (new) pipeline',
	routing: recordRouting('PATCH', dealUrl(), undefined, [
		checkFields(dealIdCheck, ...dealFieldChecks('updateFields'), {
			parameter: 'updateFields.stageId',
			label: 'Stage',
			check: 'uuid',
		}),
		requireSomeField('updateFields', dealUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	dealLocator(['update']),
	simplifyToggle('deal', ['update']),
	{
		...collectionHead('updateFields'),
		description: 'Only the fields you set change',
		displayOptions: showFor('deal', ['update']),
		options: dealUpdateOptions,
	},
];
