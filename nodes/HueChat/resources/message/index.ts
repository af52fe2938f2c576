import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/api';
import { idempotentCreateRouting, listRouting } from '../../../shared/descriptions';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation';
import { conversationIdCheck } from '../conversation/locator';
import { messageCreateDescription } from './create';
import { messageGetAllDescription } from './getAll';

const messagesPath = v1('/conversations/{{$parameter.conversationId}}/messages');

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
				description: 'Send a message (or add a private note) in a conversation',
				routing: idempotentCreateRouting(messagesPath, undefined, [
					checkFields(conversationIdCheck, { parameter: 'content', label: 'Content', check: 'messageContent' }),
					dropEmptyBodyFields,
				]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many messages',
				description: 'List the messages of a conversation, oldest first, newest when limited',
				routing: listRouting('GET', messagesPath, { style: 'before', root: 'payload' }, [checkFields(conversationIdCheck)]),
			},
		],
		default: 'create',
	},
	...messageCreateDescription,
	...messageGetAllDescription,
];
