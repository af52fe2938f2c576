import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

/** Where a conversation's messages and one message are, the message ID field and its check. */
export const messagesPath = v1('/conversations/{{$parameter.conversationId}}/messages');
export const messagePath = v1(
	'/conversations/{{$parameter.conversationId}}/messages/{{$parameter.messageId}}',
);
export const messageIdCheck = {
	parameter: 'messageId',
	label: 'Message ID',
	check: 'positiveInteger' as const,
};

export const messageIdField = (operations: string[]): INodeProperties => ({
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1042',
	description: 'The ID of the message, as Get Many or the trigger output it',
	displayOptions: showFor('message', operations),
});

/** The message text; the operation decides how it is sent. */
export const messageContentField = (
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties => ({
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description:
		'The text of the message (up to 150,000 characters); may be empty when a template or attachments are sent',
	displayOptions,
});
