import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { teamLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Set Members',
	value: 'setMembers',
	action: 'Set the members of a team',
	description: 'Replace the members of a team with the agents given; returns them',
	routing: membersRouting('PATCH'),
};

export const properties: INodeProperties[] = [
	teamLocator(['setMembers']),
	agentIdsField(
		'team',
		['setMembers'],
		'The agents the team should have; members not listed are removed from it',
	),
];
