import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

export const contactListUrl = (suffix = '') =>
	v2(`/contact_lists/{{$parameter.contactListId}}${suffix}`);

/** The contact List picker, the record's URL and the check of its ID. */
export const contactListRecord = pickedRecord('contactList', contactListUrl(), {
	displayName: 'Contact List',
	searchMethod: 'searchContactLists',
	idKind: 'uuid',
});
export const { picker: contactListLocator, idCheck: contactListIdCheck } = contactListRecord;
