import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { contactIdsField } from './fields';
import { contactListLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Remove Contacts',
	value: 'removeContacts',
	action: 'Remove contacts from a contact list',
	description: 'Remove any number of contacts from the list (sent 1,000 a call); the contacts stay',
	routing: membersRouting('DELETE', ['removed', 'skipped']),
};

export const properties: INodeProperties[] = [
	contactListLocator(['removeContacts']),
	contactIdsField('removeContacts'),
];
