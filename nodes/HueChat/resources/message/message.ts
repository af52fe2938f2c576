import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { conversationLocator } from '../conversation/locator';

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

/** The message text, one property for Create and Send to Contact; each puts it into the body its own way. */
export const messageContentField = (
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties => ({
	displayName: 'Content',
	name: 'messageContent',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description:
		'The text of the message (up to 150,000 characters); may be empty when a template or attachments are sent',
	displayOptions,
});

/**
 * Download Attachments and its prefix, the options the shared downloader (transport/attachments.ts: downloadAttachments)
 * reads; `what` ends the toggle's description.
 */
export const attachmentDownloadOptions = (what: string): INodeProperties[] => [
	{
		displayName: 'Attachment Prefix',
		name: 'attachmentPrefix',
		type: 'string',
		default: 'attachment_',
		description:
			"Name of the binary properties the files go to, followed by the attachment's index (attachment_0, attachment_1, …)",
	},
	{
		displayName: 'Download Attachments',
		name: 'downloadAttachments',
		type: 'boolean',
		default: false,
		description: `Whether to download ${what}`,
	},
];

/**
 * The Conversation picker of the message operations. Send and Wait for Reply hides it when it sends to a contact
 * (its Send To); every message operation's copy carries the same hide so they stay one property (merge.ts merges
 * identical copies). n8n checks display against every parameter's default, so elsewhere Send To reads as its
 * default, Conversation, and hides nothing.
 */
export const messageConversationLocator = (operations: string[]): INodeProperties => {
	const locator = conversationLocator('message', operations);
	return {
		...locator,
		displayOptions: { ...locator.displayOptions, hide: { sendTo: ['contact'] } },
	};
};
