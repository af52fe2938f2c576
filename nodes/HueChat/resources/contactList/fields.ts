import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { ID_LIST } from '../../../shared/validation/inputExpressions';

/** Add and Remove Contacts: any number of ids; the node sends them 1,000 a call. */
/** Add / Remove Contacts: the contacts, any number of them. */
export const contactIdsField = (operation: string): INodeProperties => ({
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 12, 15, 42',
	description:
		'Comma-separated contact IDs, or an expression giving an array of them. Any number: they are sent 1,000 a call and the counts added up.',
	displayOptions: showFor('contactList', [operation]),
	routing: { send: { type: 'body', property: 'contact_ids', value: ID_LIST } },
});
