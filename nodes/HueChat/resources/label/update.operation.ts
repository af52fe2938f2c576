import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { labelSettingFields, labelTitleField, labelFieldChecks } from './fields';
import { labelLocator, labelUrl, labelIdCheck } from './locator';

const updateFields = [...labelSettingFields, labelTitleField(false)];

export const labelUpdateFieldNames = updateFields.map((field) => field.displayName);

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a label',
	description: 'Change the fields you set; a new title renames the label everywhere',
	routing: recordRouting('PATCH', labelUrl, undefined, [
		checkFields(
			labelIdCheck,
			{ parameter: 'updateFields.title', label: 'Title', check: 'labelTitle' },
			...labelFieldChecks('updateFields'),
		),
		requireSomeField('updateFields', labelUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	labelLocator(['update']),
	{
		...collectionHead('updateFields'),
		displayOptions: showFor('label', ['update']),
		options: updateFields,
	},
];
