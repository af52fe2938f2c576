import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { itemsAt } from '../../../shared/transport/request';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { checkAgentIds } from '../../../shared/descriptions/agentIds';
import { teamCreateDescription } from './create';
import { teamDeleteDescription } from './delete';
import { teamGetDescription } from './get';
import { teamGetAllDescription } from './getAll';
import { teamIdCheck } from './locator';
import { teamMembersDescription } from './members';
import { teamUpdateDescription, teamUpdateFieldNames } from './update';

const byId = v1('/teams/{{$parameter.teamId}}');
const members = v1('/teams/{{$parameter.teamId}}/team_members');

/** Add / Set / Remove Members: `user_ids` in the body; the answer is a bare array of agents. */
function membersRouting(method: 'POST' | 'PATCH' | 'DELETE'): INodePropertyOptions['routing'] {
	return { request: { method, url: members }, send: { preSend: [checkFields(teamIdCheck), checkAgentIds] }, output: { postReceive: [itemsAt('')] } };
}

export const teamDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['team'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				action: 'Add members to a team',
				description: 'Make agents members of a team; returns the agents newly added',
				routing: membersRouting('POST'),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a team',
				description: 'Create a team (its name is stored in lower case and must be unique)',
				routing: recordRouting('POST', v1('/teams'), undefined, [checkFields({ parameter: 'name', label: 'Name', check: 'notBlank' }), dropEmptyBodyFields]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a team',
				description: 'Delete a team; its conversations keep going without a team',
				routing: deleteRouting(byId, [checkFields(teamIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a team',
				description: 'Get a team by ID',
				routing: recordRouting('GET', byId, undefined, [checkFields(teamIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many teams',
				description: 'List the teams of the account',
				routing: listRouting('GET', v1('/teams'), { style: 'whole' }),
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				action: 'Get the members of a team',
				description: 'List the agents who are members of a team',
				routing: listRouting('GET', members, { style: 'whole' }, [checkFields(teamIdCheck)]),
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				action: 'Remove members from a team',
				description: 'Take agents out of a team; returns the members left',
				routing: membersRouting('DELETE'),
			},
			{
				name: 'Set Members',
				value: 'setMembers',
				action: 'Set the members of a team',
				description: 'Replace the members of a team with the agents given; returns them',
				routing: membersRouting('PATCH'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a team',
				description: 'Change the fields you set',
				routing: recordRouting('PATCH', byId, undefined, [
					checkFields(teamIdCheck),
					requireSomeField('updateFields', teamUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...teamCreateDescription,
	...teamGetDescription,
	...teamGetAllDescription,
	...teamUpdateDescription,
	...teamDeleteDescription,
	...teamMembersDescription,
];
