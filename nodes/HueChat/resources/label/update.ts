import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { labelFields, labelTitleField } from './fields';
import { labelLocator } from './locator';

const updateFields = [...labelFields, labelTitleField(false)];

export const labelUpdateFieldNames = updateFields.map((field) => field.displayName);

export const labelUpdateDescription: INodeProperties[] = [
	labelLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('label', ['update']),
		options: updateFields,
	},
];
