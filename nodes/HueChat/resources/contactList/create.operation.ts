import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	recordRouting,
	showFor,
	textField,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a contact list',
	description: 'Create an empty contact list (add its members with Add Contacts)',
	routing: recordRouting('POST', v2('/contact_lists'), undefined, [
		checkFields({ parameter: 'contactListName', label: 'Name', check: 'notBlank' }),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	textField('Name', 'contactListName', 'name', 'body', {
		required: true,
		placeholder: 'e.g. Newsletter subscribers',
		displayOptions: showFor('contactList', ['create']),
	}),
	{
		...collectionHead('additionalFields', 'contactList', 'create'),
		displayOptions: showFor('contactList', ['create']),
		options: [textField('Description', 'description', 'description')],
	},
];
