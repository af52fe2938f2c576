import type { INodeProperties } from 'n8n-workflow';

import { showFor, textField } from '../../../shared/descriptions/builders';
import { definitionFields, listValuesField } from './fields';
import { customAttributeLocator } from './locator';

const updateFields: INodeProperties[] = [
	definitionFields[0],
	textField('Display Name', 'displayName', 'attribute_display_name'),
	listValuesField as INodeProperties,
	...definitionFields.slice(1),
];

export const customAttributeUpdateFieldNames = updateFields.map((field) => field.displayName);

export const customAttributeUpdateDescription: INodeProperties[] = [
	customAttributeLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('customAttribute', ['update']),
		options: updateFields,
	},
];
