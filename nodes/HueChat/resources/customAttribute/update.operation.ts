import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	showFor,
	textField,
	recordRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import {
	checkFields,
	dropEmptyBodyFields,
	requireSomeField,
} from '../../../shared/validation/checks';
import { definitionFields, listValuesField, checkDefinition } from './fields';
import { customAttributeLocator, customAttributeUrl, customAttributeIdCheck } from './locator';

const updateFields: INodeProperties[] = [
	definitionFields[0],
	textField('Display Name', 'displayName', 'attribute_display_name'),
	listValuesField as INodeProperties,
	...definitionFields.slice(1),
];

export const customAttributeUpdateFieldNames = updateFields.map((field) => field.displayName);

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a custom attribute',
	description: 'Change the fields you set',
	routing: recordRouting('PATCH', customAttributeUrl, undefined, [
		checkFields(customAttributeIdCheck),
		requireSomeField('customAttributeUpdateFields', customAttributeUpdateFieldNames),
		checkDefinition(
			'customAttributeUpdateFields.attributeValues',
			'customAttributeUpdateFields.regexPattern',
			false,
		),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	customAttributeLocator(['update']),
	{
		...collectionHead('updateFields', 'customAttribute', 'update'),
		displayOptions: showFor('customAttribute', ['update']),
		options: updateFields,
	},
];
