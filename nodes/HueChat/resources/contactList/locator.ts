import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function contactListLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'contactListId',
			displayName: 'Contact List',
			searchMethod: 'searchContactLists',
			idKind: 'uuid',
			description: 'The contact list to use',
		},
		showFor('contactList', operations),
	);
}

export const contactListIdCheck = {
	parameter: 'contactListId',
	label: 'Contact List',
	check: 'uuid' as const,
};

export const contactListUrl = (suffix = '') =>
	v2(`/contact_lists/{{$parameter.contactListId}}${suffix}`);

/** What contactList operations on one record share: the picker, the record's URL and the ID check. */
export const contactListRecord: RecordKind = {
	resource: 'contactList',
	picker: contactListLocator,
	url: contactListUrl(),
	check: checkFields(contactListIdCheck),
};
