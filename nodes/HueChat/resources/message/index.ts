import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { idempotentCreateRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { conversationIdCheck } from '../conversation/locator';
import { messageCreateBody } from './body';
import { messageCreateDescription } from './create';
import { messageDeleteDescription } from './delete';
import { messageGetAllDescription } from './getAll';
import { messageSendToContactDescription, sendToContact, sentToContact } from './sendToContact';
import { messageUpdateStatusDescription } from './updateStatus';

const messagesPath = v1('/conversations/{{$parameter.conversationId}}/messages');
const messagePath = v1('/conversations/{{$parameter.conversationId}}/messages/{{$parameter.messageId}}');
const messageIdCheck = { parameter: 'messageId', label: 'Message ID', check: 'positiveInteger' as const };

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a message',
				description: 'Send a message (or add a private note) in a conversation, with a template or attachments if you like',
				routing: idempotentCreateRouting(messagesPath, undefined, [checkFields(conversationIdCheck), dropEmptyBodyFields, messageCreateBody]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a message',
				description: 'Delete a message: its text is replaced and its attachments are removed',
				routing: { request: { method: 'DELETE', url: messagePath }, send: { preSend: [checkFields(conversationIdCheck, messageIdCheck)] } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many messages',
				description: 'List the messages of a conversation, oldest first, newest when limited',
				routing: listRouting('GET', messagesPath, { style: 'before', root: 'payload' }, [checkFields(conversationIdCheck)]),
			},
			{
				name: 'Send to Contact',
				value: 'sendToContact',
				action: 'Send a message to a contact',
				description:
					'Find or create the contact by email, phone number or identifier, reuse its open conversation in the inbox or start one, and send the message',
				routing: {
					// `{conversation}` is filled in once the conversation is found or started
					...idempotentCreateRouting(v1('/conversations/{conversation}/messages'), undefined, [
						checkFields({ parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' }),
						sendToContact,
					]),
					output: { postReceive: [sentToContact] },
				},
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a message',
				description: 'Report a message as sent, delivered, read or failed (messages of API inboxes)',
				routing: recordRouting('PATCH', messagePath, undefined, [checkFields(conversationIdCheck, messageIdCheck), dropEmptyBodyFields]),
			},
		],
		default: 'create',
	},
	...messageCreateDescription,
	...messageGetAllDescription,
	...messageSendToContactDescription,
	...messageUpdateStatusDescription,
	...messageDeleteDescription,
];
