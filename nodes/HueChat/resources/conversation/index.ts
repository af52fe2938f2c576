import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, idempotentCreateRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { buildFilterBody, CONVERSATION_FILTER_ATTRIBUTES } from '../../../shared/descriptions/filterConditions';
import { applyLabelMode, labelsOutput } from '../../../shared/descriptions/labels';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { assignmentBody, assignmentOutput, conversationAssignDescription } from './assign';
import { conversationCreateDescription } from './create';
import { conversationDeleteDescription } from './delete';
import { conversationFilterDescription } from './filter';
import { conversationGetDescription } from './get';
import { conversationGetAllDescription } from './getAll';
import { conversationGetCountsDescription } from './getCounts';
import { conversationGetLabelsDescription, conversationSetLabelsDescription } from './labels';
import { conversationIdCheck } from './locator';
import { conversationSearchDescription } from './search';
import { conversationSetCustomAttributesDescription, customAttributesBody } from './setCustomAttributes';
import { conversationSetPriorityDescription, prioritySet } from './setPriority';
import { conversationSetStatusDescription } from './setStatus';
import { conversationSetTypingDescription, typingSet } from './setTyping';
import { conversationUpdateDescription, conversationUpdateFields } from './update';

const byId = (suffix = '') => v1(`/conversations/{{$parameter.conversationId}}${suffix}`);
const checkId = checkFields(conversationIdCheck);

/** postReceive of Set Custom Attributes: which conversation, and its custom attributes now. */
async function withConversationId(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const id = Number(this.getNodeParameter('conversationId', '', { extractValue: true }));
	return items.map((item) => ({ json: { conversation_id: id, ...item.json } }));
}

export const conversationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Assign',
				value: 'assign',
				action: 'Assign a conversation',
				description: 'Assign a conversation to an agent or a team, or remove its agent or team',
				routing: {
					request: { method: 'POST', url: byId('/assignments') },
					send: { preSend: [checkId, assignmentBody] },
					output: { postReceive: [assignmentOutput] },
				},
			},
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
				name: 'Delete',
				value: 'delete',
				action: 'Delete a conversation',
				description: 'Delete a conversation and its messages',
				routing: deleteRouting(byId(), [checkId]),
			},
			{
				name: 'Filter',
				value: 'filter',
				action: 'Filter conversations',
				description: 'Find conversations matching conditions on status, priority, assignee, inbox, team, labels, dates or custom attributes',
				routing: listRouting('POST', v1('/conversations/filter'), { style: 'pages', root: 'payload', pageSize: 25 }, [
					buildFilterBody(CONVERSATION_FILTER_ATTRIBUTES),
				]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a conversation',
				description: 'Get a conversation by its display ID',
				routing: recordRouting('GET', byId(), undefined, [checkFields(conversationIdCheck)]),
			},
			{
				name: 'Get Counts',
				value: 'getCounts',
				action: 'Get conversation counts',
				description: 'Count conversations (mine, assigned, unassigned, all) for a status, inbox, team, labels or search text',
				routing: recordRouting('GET', v1('/conversations/meta'), 'meta'),
			},
			{
				name: 'Get Labels',
				value: 'getLabels',
				action: 'Get the labels of a conversation',
				description: 'List the labels of a conversation',
				routing: { request: { method: 'GET', url: byId('/labels') }, send: { preSend: [checkId] }, output: { postReceive: [labelsOutput('conversation_id', 'conversationId')] } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many conversations',
				description: 'List conversations (open ones unless a status filter is set), 25 a page',
				routing: listRouting('GET', v1('/conversations'), { style: 'pages', root: 'data.payload', pageSize: 25 }),
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search conversations',
				description: 'Find conversations of any status whose messages contain a text',
				routing: listRouting('GET', v1('/conversations/search'), { style: 'pages', root: 'payload', pageSize: 25 }, [
					checkFields({ parameter: 'query', label: 'Search Query', check: 'notBlank' }),
				]),
			},
			{
				name: 'Set Custom Attributes',
				value: 'setCustomAttributes',
				action: 'Set the custom attributes of a conversation',
				description: 'Set custom attribute values of a conversation, merged with the current ones or replacing them',
				routing: {
					request: { method: 'POST', url: byId('/custom_attributes') },
					send: { preSend: [checkId, customAttributesBody] },
					output: { postReceive: [withConversationId] },
				},
			},
			{
				name: 'Set Labels',
				value: 'setLabels',
				action: 'Set the labels of a conversation',
				description: 'Add labels to a conversation, remove some, or replace them all',
				routing: {
					request: { method: 'POST', url: byId('/labels') },
					send: { preSend: [checkId, applyLabelMode] },
					output: { postReceive: [labelsOutput('conversation_id', 'conversationId')] },
				},
			},
			{
				name: 'Set Priority',
				value: 'setPriority',
				action: 'Set the priority of a conversation',
				description: 'Mark a conversation urgent, high, medium or low priority, or clear its priority',
				routing: { request: { method: 'POST', url: byId('/toggle_priority') }, send: { preSend: [checkId] }, output: { postReceive: [prioritySet] } },
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
			{
				name: 'Set Typing',
				value: 'setTyping',
				action: 'Set the typing status of a conversation',
				description: 'Show or hide the "agent is typing" indicator to the contact',
				routing: { request: { method: 'POST', url: byId('/toggle_typing_status') }, send: { preSend: [checkId] }, output: { postReceive: [typingSet] } },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a conversation',
				description: 'Change the priority or SLA policy of a conversation',
				routing: recordRouting('PATCH', byId(), undefined, [
					checkFields(conversationIdCheck, { parameter: 'updateFields.slaPolicyId', label: 'SLA Policy ID', check: 'positiveInteger' }),
					requireSomeField('updateFields', conversationUpdateFields.map((field) => field.displayName)),
				]),
			},
		],
		default: 'getAll',
	},
	...conversationAssignDescription,
	...conversationCreateDescription,
	...conversationGetDescription,
	...conversationGetAllDescription,
	...conversationSetStatusDescription,
	...conversationDeleteDescription,
	...conversationFilterDescription,
	...conversationGetCountsDescription,
	...conversationGetLabelsDescription,
	...conversationSearchDescription,
	...conversationSetCustomAttributesDescription,
	...conversationSetLabelsDescription,
	...conversationSetPriorityDescription,
	...conversationSetTypingDescription,
	...conversationUpdateDescription,
];
