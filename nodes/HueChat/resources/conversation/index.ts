import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/api';
import { idempotentCreateRouting, listRouting, recordRouting } from '../../../shared/descriptions';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation';
import { conversationCreateDescription } from './create';
import { conversationGetDescription } from './get';
import { conversationGetAllDescription } from './getAll';
import { conversationIdCheck } from './locator';
import { conversationSetStatusDescription } from './setStatus';

const byId = (suffix = '') => v1(`/conversations/{{$parameter.conversationId}}${suffix}`);

export const conversationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a conversation',
				description: 'Start a conversation with a contact in an inbox, optionally with a first message',
				routing: {
					...idempotentCreateRouting(v1('/conversations'), undefined, [
						checkFields(
							{ parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' },
							{ parameter: 'contactId', label: 'Contact', check: 'positiveInteger' },
							{ parameter: 'additionalFields.snoozedUntil', label: 'Snoozed Until', check: 'date' },
						),
						dropEmptyBodyFields,
					]),
					request: { method: 'POST', url: v1('/conversations'), body: { inbox_id: '={{ Number($parameter.inboxId) }}', contact_id: '={{ Number($parameter.contactId) }}' } },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a conversation',
				description: 'Get a conversation by its display ID',
				routing: recordRouting('GET', byId(), undefined, [checkFields(conversationIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many conversations',
				description: 'List conversations (open ones unless a status filter is set), 25 a page',
				routing: listRouting('GET', v1('/conversations'), { style: 'pages', root: 'data.payload', pageSize: 25 }),
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				action: 'Set the status of a conversation',
				description: 'Open, resolve, mark pending or snooze a conversation',
				routing: recordRouting('POST', byId('/toggle_status'), 'payload', [
					checkFields(conversationIdCheck, { parameter: 'snoozedUntil', label: 'Snoozed Until', check: 'date', optional: true }),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...conversationCreateDescription,
	...conversationGetDescription,
	...conversationGetAllDescription,
	...conversationSetStatusDescription,
];
