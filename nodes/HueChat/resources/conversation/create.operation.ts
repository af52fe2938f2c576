import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	createOptions,
	simplifyToggle,
	idLocator,
	showFor,
	textField,
	idempotentCreateRouting,
	collectionHead,
	customAttributesField,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { ISO_DATE } from '../../../shared/validation/inputExpressions';
import { CONVERSATION_STATUSES } from './status';

const show = showFor('conversation', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a conversation',
	description: 'Start a conversation with a contact in an inbox, optionally with a first message',
	routing: {
		...idempotentCreateRouting(v1('/conversations'), undefined, [
			checkFields(
				{ parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' },
				{ parameter: 'contactId', label: 'Contact', check: 'positiveInteger' },
				{ parameter: 'conversationFields.snoozedUntil', label: 'Snoozed Until', check: 'date' },
			),
			dropEmptyBodyFields,
		]),
		request: {
			method: 'POST',
			url: v1('/conversations'),
			body: {
				inbox_id: '={{ Number($parameter.inboxId) }}',
				contact_id: '={{ Number($parameter.contactId) }}',
			},
		},
	},
};

export const properties: INodeProperties[] = [
	idLocator(
		{
			name: 'inboxId',
			displayName: 'Inbox',
			searchMethod: 'searchInboxes',
			description: 'The inbox the conversation belongs to',
		},
		show,
	),
	idLocator(
		{
			name: 'contactId',
			displayName: 'Contact',
			searchMethod: 'searchContacts',
			urlSegment: 'contacts',
			description: 'Who the conversation is with',
		},
		show,
	),
	{
		...collectionHead('additionalFields', 'conversation', 'create'),
		displayOptions: show,
		options: [
			{
				displayName: 'Assignee ID',
				name: 'assigneeId',
				type: 'number',
				default: 0,
				description: 'ID of the agent to assign',
				routing: { send: { type: 'body', property: 'assignee_id' } },
			},
			customAttributesField(),
			{
				displayName: 'First Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Text sent to the contact as the conversation starts',
				routing: { send: { type: 'body', property: 'message.content' } },
			},
			{
				displayName: 'Snoozed Until',
				name: 'snoozedUntil',
				type: 'dateTime',
				default: '',
				description: "When a 'Snoozed' conversation reopens",
				// an ISO 8601 date-time, as Chatwoot's conversation_create_payload has it (HueChat takes that or unix
				// seconds here; toggle_status takes only unix seconds); empty is not sent (dropEmptyBodyFields)
				routing: { send: { type: 'body', property: 'snoozed_until', value: ISO_DATE } },
			},
			textField('Source ID', 'sourceId', 'source_id', 'body', {
				description:
					"The contact's ID in the inbox's channel (e.g. a WhatsApp number); only needed for channels that require it",
			}),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: CONVERSATION_STATUSES,
				default: 'open',
				routing: { send: { type: 'body', property: 'status' } },
			},
			{
				displayName: 'Team ID',
				name: 'teamId',
				type: 'number',
				default: 0,
				routing: { send: { type: 'body', property: 'team_id' } },
			},
		],
	},
	simplifyToggle('conversation', ['create']),
	createOptions('conversation'),
];
