import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	recordRouting,
	showFor,
	textField,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { checkFields, requireSomeField } from '../../../shared/validation/checks';
import { contactListUrl, contactListIdCheck, contactListLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a contact list',
	description: 'Rename a contact list or change its description',
	routing: recordRouting('PATCH', contactListUrl(), undefined, [
		checkFields(contactListIdCheck),
		requireSomeField('contactListUpdateFields', ['Description', 'Name']),
	]),
};

export const properties: INodeProperties[] = [
	contactListLocator(['update']),
	{
		...collectionHead('updateFields', 'contactList', 'update'),
		displayOptions: showFor('contactList', ['update']),
		options: [
			textField('Description', 'description', 'description'),
			textField('Name', 'name', 'name'),
		],
	},
];
