import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { AS_NUMBER, checkIdList, V2_LIST } from '../../../shared/validation/inputExpressions';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { conversationIdCheck, conversationLocator } from '../conversation/locator';
import { aiAgentCreateDescription, aiAgentGetAllDescription, aiAgentIdCheck, aiAgentLocator, aiAgentUpdateDescription, aiAgentUpdateFieldNames } from './fields';

const byId = (suffix = '') => v2(`/ai_agents/{{$parameter.aiAgentId}}${suffix}`);

export const aiAgentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['aiAgent'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an AI agent',
				description: 'Create an AI agent with its instructions',
				routing: recordRouting('POST', v2('/ai_agents'), undefined, [
					checkFields({ parameter: 'name', label: 'Name', check: 'notBlank' }, { parameter: 'instructions', label: 'Instructions', check: 'notBlank' }),
					dropEmptyBodyFields,
					checkIdList('inbox_ids', 'Inbox IDs', { required: false }),
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an AI agent',
				description: 'Delete an AI agent; its conversations go back to humans',
				routing: deleteRouting(byId(), [checkFields(aiAgentIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an AI agent',
				description: 'Get an AI agent by ID, with the conversations it answers',
				routing: recordRouting('GET', byId(), undefined, [checkFields(aiAgentIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many AI agents',
				description: 'List the AI agents',
				routing: listRouting('GET', v2('/ai_agents'), V2_LIST),
			},
			{
				name: 'Hand Over Conversation',
				value: 'handOver',
				action: 'Hand over a conversation to an AI agent',
				description: 'Let the AI agent answer a conversation',
				routing: recordRouting('POST', byId('/conversations'), undefined, [checkFields(aiAgentIdCheck, conversationIdCheck)]),
			},
			{
				name: 'Take Back Conversation',
				value: 'takeBack',
				action: 'Take back a conversation from an AI agent',
				description: "Humans answer the conversation again (it goes to the agent's handoff team when it has one)",
				routing: {
					request: { method: 'DELETE', url: byId('/conversations/{{$parameter.conversationId}}') },
					send: { preSend: [checkFields(aiAgentIdCheck, conversationIdCheck)] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an AI agent',
				description: 'Change the fields you set; pausing it hands its conversations back to humans',
				routing: recordRouting('PATCH', byId(), undefined, [
					checkFields(aiAgentIdCheck),
					requireSomeField('updateFields', aiAgentUpdateFieldNames),
					dropEmptyBodyFields,
					checkIdList('inbox_ids', 'Inbox IDs', { required: false }),
				]),
			},
		],
		default: 'getAll',
	},
	aiAgentLocator(['delete', 'get', 'handOver', 'takeBack', 'update']),
	{ ...conversationLocator('aiAgent', ['handOver']), routing: { send: { type: 'body', property: 'conversation_id', value: AS_NUMBER } } },
	conversationLocator('aiAgent', ['takeBack']),
	...aiAgentCreateDescription,
	...aiAgentGetAllDescription,
	...aiAgentUpdateDescription,
];
