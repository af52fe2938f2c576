import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	createOptions,
	simplifyToggle,
	showFor,
	textField,
	idempotentCreateRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { conversationIdCheck } from '../conversation/locator';
import {
	attachmentsField,
	templateByNameField,
	messageCreateBody,
	messageTemplateFields,
} from './body';
import { messagesPath, messageContentField, messageConversationLocator } from './message';
import { optionalTemplateIdCheck } from '../../../shared/templates/fields';

const show = showFor('message', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a message',
	description:
		'Send a message (or add a private note) in a conversation, with a template or attachments if you like',
	routing: idempotentCreateRouting(messagesPath, undefined, [
		checkFields(conversationIdCheck, optionalTemplateIdCheck),
		dropEmptyBodyFields,
		messageCreateBody,
	]),
};

export const properties: INodeProperties[] = [
	messageConversationLocator(['create']),
	messageContentField(show),
	...messageTemplateFields(show),
	{
		...collectionHead('additionalFields', 'message', 'create'),
		displayOptions: show,
		options: [
			attachmentsField,
			textField('BCC Emails', 'bccEmails', 'bcc_emails', 'body', {
				description: 'Comma-separated; email inboxes only',
			}),
			textField('CC Emails', 'ccEmails', 'cc_emails', 'body', {
				description: 'Comma-separated; email inboxes only',
			}),
			{
				displayName: 'Message Type',
				name: 'messageType',
				type: 'options',
				default: 'outgoing',
				options: [
					{ name: 'Outgoing (to the Contact)', value: 'outgoing' },
					{ name: 'Incoming (From the Contact, API Inboxes Only)', value: 'incoming' },
				],
				routing: { send: { type: 'body', property: 'message_type' } },
			},
			{
				displayName: 'Private Note',
				name: 'private',
				type: 'boolean',
				default: false,
				description: 'Whether this is an internal note that the contact never sees',
				routing: { send: { type: 'body', property: 'private' } },
			},
			templateByNameField,
		],
	},
	simplifyToggle('message', ['create']),
	createOptions('message'),
];
