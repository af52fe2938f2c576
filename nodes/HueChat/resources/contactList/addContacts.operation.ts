import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { contactIdsField } from './fields';
import { contactListLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Add Contacts',
	value: 'addContacts',
	action: 'Add contacts to a contact list',
	description:
		'Add any number of contacts (sent 1,000 a call); contacts already in the list are skipped',
	routing: membersRouting('POST', ['added', 'skipped']),
};

export const properties: INodeProperties[] = [
	contactListLocator(['addContacts']),
	contactIdsField('addContacts'),
];
