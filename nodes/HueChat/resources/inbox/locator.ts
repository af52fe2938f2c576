import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const inboxUrl = v1('/inboxes/{{$parameter.inboxId}}');

/** The inbox picker: From List, By ID, or By URL (the inbox's settings page in the HueChat dashboard). */
export const inboxRecord = pickedRecord('inbox', inboxUrl, {
	displayName: 'Inbox',
	searchMethod: 'searchInboxes',
	urlSegment: 'settings/inboxes',
});
export const { picker: inboxLocator, idCheck: inboxIdCheck } = inboxRecord;
