import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	showFor,
	recordRouting,
	collectionHead,
	textField,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import {
	ATTRIBUTE_MODELS,
	definitionFields,
	DISPLAY_TYPES,
	listValuesField,
	checkDefinition,
} from './fields';

const show = showFor('customAttribute', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a custom attribute',
	description: 'Define a custom attribute for contacts or conversations',
	routing: recordRouting('POST', v1('/custom_attribute_definitions'), undefined, [
		checkFields(
			{ parameter: 'displayName', label: 'Display Name', check: 'notBlank' },
			{ parameter: 'key', label: 'Key', check: 'notBlank' },
		),
		checkDefinition('attributeValues', 'customAttributeFields.regexPattern', true),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Applies To',
		name: 'attributeModel',
		type: 'options',
		required: true,
		options: ATTRIBUTE_MODELS,
		default: 'contact_attribute',
		description: 'Whether contacts or conversations get this attribute',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'attribute_model' } },
	},
	textField('Display Name', 'displayName', 'attribute_display_name', 'body', {
		required: true,
		placeholder: 'e.g. Plan',
		displayOptions: show,
	}),
	textField('Key', 'key', 'attribute_key', 'body', {
		required: true,
		placeholder: 'e.g. plan',
		description:
			'The name of the value in custom_attributes; unique per Applies To, and not a standard attribute such as status or email',
		displayOptions: show,
	}),
	{
		displayName: 'Display Type',
		name: 'displayType',
		type: 'options',
		required: true,
		options: DISPLAY_TYPES,
		default: 'text',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'attribute_display_type' } },
	},
	{
		...listValuesField,
		required: true,
		displayOptions: {
			show: { resource: ['customAttribute'], operation: ['create'], displayType: ['list'] },
		},
	},
	{
		...collectionHead('additionalFields', 'customAttribute', 'create'),
		displayOptions: show,
		options: definitionFields,
	},
];
