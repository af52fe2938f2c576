import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { agentCreateDescription } from './create';
import { agentDeleteDescription } from './delete';
import { agentGetAllDescription } from './getAll';
import { agentIdCheck } from './locator';
import { agentUpdateDescription, agentUpdateFieldNames } from './update';

const byId = v1('/agents/{{$parameter.agentId}}');

export const agentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an agent',
				description: 'Invite someone to the account as an agent (an existing HueChat user is added directly)',
				routing: recordRouting('POST', v1('/agents'), undefined, [checkFields({ parameter: 'email', label: 'Email', check: 'email' }), dropEmptyBodyFields]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an agent',
				description: 'Remove an agent from the account, its teams and inboxes; their conversations become unassigned',
				routing: deleteRouting(byId, [checkFields(agentIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many agents',
				description: 'List the agents of the account, administrators included, by name',
				routing: listRouting('GET', v1('/agents'), { style: 'whole' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an agent',
				description: "Change an agent's name, role or availability",
				routing: recordRouting('PATCH', byId, undefined, [
					checkFields(agentIdCheck),
					requireSomeField('updateFields', agentUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...agentCreateDescription,
	...agentGetAllDescription,
	...agentUpdateDescription,
	...agentDeleteDescription,
];
