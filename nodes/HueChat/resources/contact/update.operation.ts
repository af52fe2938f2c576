import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	showFor,
	simplifyToggle,
	textField,
	recordRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import {
	checkFields,
	dropEmptyBodyFields,
	requireSomeField,
} from '../../../shared/validation/checks';
import { contactFields, contactFieldChecks } from './fields';
import { contactLocator, contactUrl, contactIdCheck } from './locator';

export const contactUpdateFieldNames = ['Name', ...contactFields.map((field) => field.displayName)];

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact',
	description: 'Change the fields you set; custom attributes are merged',
	routing: recordRouting('PUT', contactUrl, 'payload', [
		checkFields(contactIdCheck, ...contactFieldChecks('contactUpdateFields')),
		requireSomeField('contactUpdateFields', contactUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	contactLocator(['update']),
	{
		...collectionHead('updateFields', 'contact', 'update'),
		displayOptions: showFor('contact', ['update']),
		options: [textField('Name', 'name', 'name'), ...contactFields],
	},
	simplifyToggle('contact', ['update']),
];
