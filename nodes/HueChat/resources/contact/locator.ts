import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const contactUrl = v1('/contacts/{{$parameter.contactId}}');

export const contactSubpath = (suffix: string) => v1(`/contacts/{{$parameter.contactId}}${suffix}`);

/** The contact picker (From List, By ID, By URL), the record's URL and the check of its ID. */
export const contactRecord = pickedRecord('contact', contactUrl, {
	displayName: 'Contact',
	searchMethod: 'searchContacts',
	urlSegment: 'contacts',
});
export const {
	picker: contactLocator,
	idCheck: contactIdCheck,
	check: checkContactId,
} = contactRecord;
