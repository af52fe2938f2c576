import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	showFor,
	simplifyToggle,
	listRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { downloadAttachments } from '../../../shared/transport/attachments';
import { checkFields } from '../../../shared/validation/checks';
import { conversationLocator, conversationIdCheck } from '../conversation/locator';
import { messagesPath } from './message';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many messages',
	description: 'List the messages of a conversation, oldest first, newest when limited',
	routing: listRouting('GET', messagesPath, { style: 'before', root: 'payload' }, [
		checkFields(conversationIdCheck),
	]),
};

export const properties: INodeProperties[] = [
	conversationLocator('message', ['getAll']),
	...returnAllAndLimit('message', 'getAll'),
	{
		...collectionHead('options'),
		displayOptions: showFor('message', ['getAll']),
		options: [
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
				description:
					"Whether to download the messages' attachments into binary properties of their items",
			},
		],
		// before Simplify, which keeps only the attachments' URLs
		routing: { output: { postReceive: [downloadAttachments] } },
	},
	simplifyToggle('message', ['getAll']),
];
