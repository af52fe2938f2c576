import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { contentField, shortCodeField } from './fields';
import { cannedResponseLocator } from './locator';

const updateFields = [contentField(false), shortCodeField(false)];

export const cannedResponseUpdateFieldNames = updateFields.map((field) => field.displayName);

export const cannedResponseUpdateDescription: INodeProperties[] = [
	cannedResponseLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('cannedResponse', ['update']),
		options: updateFields,
	},
];
