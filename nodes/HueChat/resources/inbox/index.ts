import type { INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { itemsAt } from '../../../shared/transport/request';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { checkAgentIds } from '../../../shared/descriptions/agentIds';
import { inboxAgentsDescription } from './agents';
import { checkChannelFields, inboxCreateDescription } from './create';
import { inboxDeleteDescription } from './delete';
import { inboxSettingChecks } from './fields';
import { inboxGetDescription } from './get';
import { inboxGetAllDescription } from './getAll';
import { inboxIdCheck } from './locator';
import { inboxUpdateDescription, inboxUpdateFieldNames } from './update';

const byId = v1('/inboxes/{{$parameter.inboxId}}');
const members = v1('/inbox_members');

/** Add / Set / Remove Agents: `inbox_id` and `user_ids` in the body; the answer's `payload` is the members after the change. */
function membersRouting(method: 'POST' | 'PATCH' | 'DELETE'): INodePropertyOptions['routing'] {
	const preSend: PreSendAction[] = [checkFields(inboxIdCheck), checkAgentIds];
	return {
		request: { method, url: members, body: { inbox_id: '={{ Number($parameter.inboxId) }}' } },
		send: { preSend },
		output: { postReceive: [itemsAt('payload')] },
	};
}

export const inboxDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inbox'] } },
		options: [
			{
				name: 'Add Agents',
				value: 'addAgents',
				action: 'Add agents to an inbox',
				description: 'Make agents members of an inbox; returns every agent of the inbox',
				routing: membersRouting('POST'),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an inbox',
				description: 'Create an inbox for a channel: API, website, email, WhatsApp, SMS, Telegram or LINE',
				routing: recordRouting('POST', v1('/inboxes'), undefined, [
					checkFields(
						{ parameter: 'channelEmail', label: 'Email', check: 'email', optional: true },
						{ parameter: 'phoneNumber', label: 'Phone Number', check: 'e164', optional: true },
						...inboxSettingChecks('additionalFields'),
					),
					checkChannelFields,
					dropEmptyBodyFields,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an inbox',
				description: 'Delete an inbox with its conversations',
				routing: deleteRouting(byId, [checkFields(inboxIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an inbox',
				description: 'Get an inbox by ID',
				routing: recordRouting('GET', byId, undefined, [checkFields(inboxIdCheck)]),
			},
			{
				name: 'Get Agents',
				value: 'getAgents',
				action: 'Get the agents of an inbox',
				description: 'List the agents who are members of an inbox',
				routing: listRouting('GET', v1('/inbox_members/{{$parameter.inboxId}}'), { style: 'whole', root: 'payload' }, [checkFields(inboxIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many inboxes',
				description: 'List the inboxes of the account',
				routing: listRouting('GET', v1('/inboxes'), { style: 'whole', root: 'payload' }),
			},
			{
				name: 'Remove Agents',
				value: 'removeAgents',
				action: 'Remove agents from an inbox',
				description: 'Take agents out of an inbox; returns the agents left in it',
				routing: membersRouting('DELETE'),
			},
			{
				name: 'Set Agents',
				value: 'setAgents',
				action: 'Set the agents of an inbox',
				description: 'Replace the agents of an inbox with the ones given; returns them',
				routing: membersRouting('PATCH'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an inbox',
				description: 'Change the settings you set',
				routing: recordRouting('PATCH', byId, undefined, [
					checkFields(inboxIdCheck, ...inboxSettingChecks('updateFields')),
					requireSomeField('updateFields', inboxUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...inboxCreateDescription,
	...inboxGetDescription,
	...inboxGetAllDescription,
	...inboxUpdateDescription,
	...inboxDeleteDescription,
	...inboxAgentsDescription,
];
