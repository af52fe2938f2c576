import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The conversation picker; `resource` lets the message resource reuse it. */
export function conversationLocator(resource: string, operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'conversationId',
			displayName: 'Conversation',
			searchMethod: 'searchConversations',
			urlSegment: 'conversations',
			description: 'The conversation, by its number as shown in HueChat (display ID)',
		},
		{ show: { resource: [resource], operation: operations } },
	);
}

export const conversationIdCheck = {
	parameter: 'conversationId',
	label: 'Conversation',
	check: 'positiveInteger' as const,
};

export const conversationUrl = (suffix = '') =>
	v1(`/conversations/{{$parameter.conversationId}}${suffix}`);
export const checkConversationId = checkFields(conversationIdCheck);

/** What conversation operations on one record share: the picker, the record's URL and the ID check. */
export const conversationRecord: RecordKind = {
	resource: 'conversation',
	picker: (operations) => conversationLocator('conversation', operations),
	url: conversationUrl(),
	check: checkConversationId,
};
