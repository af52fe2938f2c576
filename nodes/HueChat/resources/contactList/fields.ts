import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, simplifyToggle, textField } from '../../../shared/descriptions/builders';
import { simplifyWhenOn } from '../../../shared/output/simplify';
import { ID_LIST } from '../../../shared/validation/inputExpressions';

export const contactListCreateDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Newsletter subscribers',
		displayOptions: showFor('contactList', ['create']),
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('contactList', ['create']),
		options: [
			textField('Description', 'description', 'description'),
		],
	},
];

export const contactListUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('contactList', ['update']),
		options: [
			textField('Description', 'description', 'description'),
			textField('Name', 'name', 'name'),
		],
	},
];

/** Add and Remove Contacts: any number of ids; the node sends them 1,000 a call. */
export const contactIdsField: INodeProperties = {
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 12, 15, 42',
	description: 'Comma-separated contact IDs, or an expression giving an array of them. Any number: they are sent 1,000 a call and the counts added up.',
	displayOptions: showFor('contactList', ['addContacts', 'removeContacts']),
	routing: { send: { type: 'body', property: 'contact_ids', value: ID_LIST } },
};

export const contactListGetContactsDescription: INodeProperties[] = [
	...returnAllAndLimit('contactList', 'getContacts'),
	{
		// the members are v1 contacts: the contact resource's simplification
		...simplifyToggle('contactList', ['getContacts']),
		routing: { output: { postReceive: [simplifyWhenOn('contact')] } },
	},
];

export const contactListGetAllDescription: INodeProperties[] = [...returnAllAndLimit('contactList', 'getAll')];
