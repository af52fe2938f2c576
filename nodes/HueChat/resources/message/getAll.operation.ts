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
import { conversationIdCheck } from '../conversation/locator';
import { attachmentDownloadOptions, messagesPath, messageConversationLocator } from './message';

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
	messageConversationLocator(['getAll']),
	...returnAllAndLimit('message', 'getAll'),
	{
		...collectionHead('options', 'message', 'getAll'),
		displayOptions: showFor('message', ['getAll']),
		options: attachmentDownloadOptions(
			"the messages' attachments into binary properties of their items",
		),
		// before Simplify, which keeps only the attachments' URLs
		routing: { output: { postReceive: [downloadAttachments] } },
	},
	simplifyToggle('message', ['getAll']),
];
