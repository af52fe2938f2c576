import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function contactLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'contactId',
			displayName: 'Contact',
			searchMethod: 'searchContacts',
			urlSegment: 'contacts',
			description: 'The contact to use',
		},
		showFor('contact', operations),
	);
}

export const contactUrl = v1('/contacts/{{$parameter.contactId}}');
export const contactSubpath = (suffix: string) => v1(`/contacts/{{$parameter.contactId}}${suffix}`);
export const contactIdCheck = {
	parameter: 'contactId',
	label: 'Contact',
	check: 'positiveInteger' as const,
};
export const checkContactId = checkFields(contactIdCheck);

/** What contact operations on one record share: the picker, the record's URL and the ID check. */
export const contactRecord: RecordKind = {
	resource: 'contact',
	picker: contactLocator,
	url: contactUrl,
	check: checkFields(contactIdCheck),
};
