import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	listRouting,
	returnAllAndLimit,
	simplifyToggle,
} from '../../../shared/descriptions/builders';
import { simplifyWhenOn } from '../../../shared/output/simplify';
import { checkFields } from '../../../shared/validation/checks';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { contactListUrl, contactListIdCheck, contactListLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Contacts',
	value: 'getContacts',
	action: 'Get the contacts of a contact list',
	description: 'List the members of a contact list, 100 a request',
	routing: listRouting('GET', contactListUrl('/contacts'), V2_LIST, [
		checkFields(contactListIdCheck),
	]),
};

export const properties: INodeProperties[] = [
	contactListLocator(['getContacts']),
	...returnAllAndLimit('contactList', 'getContacts'),
	{
		// the members are v1 contacts: the contact resource's simplification
		...simplifyToggle('contactList', ['getContacts']),
		routing: { output: { postReceive: [simplifyWhenOn('contact')] } },
	},
];
