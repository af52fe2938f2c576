import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The inbox picker: From List, By ID, or By URL (the inbox's settings page in the HueChat dashboard). */
export function inboxLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'inboxId',
			displayName: 'Inbox',
			searchMethod: 'searchInboxes',
			urlSegment: 'settings/inboxes',
			description: 'The inbox to use',
		},
		showFor('inbox', operations),
	);
}

export const inboxIdCheck = {
	parameter: 'inboxId',
	label: 'Inbox',
	check: 'positiveInteger' as const,
};

export const inboxUrl = v1('/inboxes/{{$parameter.inboxId}}');

/** What inbox operations on one record share: the picker, the record's URL and the ID check. */
export const inboxRecord: RecordKind = {
	resource: 'inbox',
	picker: inboxLocator,
	url: inboxUrl,
	check: checkFields(inboxIdCheck),
};
