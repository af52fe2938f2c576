import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { teamLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Add Members',
	value: 'addMembers',
	action: 'Add members to a team',
	description: 'Make agents members of a team; returns the agents newly added',
	routing: membersRouting('POST'),
};

export const properties: INodeProperties[] = [
	teamLocator(['addMembers']),
	agentIdsField('team', ['addMembers'], 'Agents to add to the team'),
];
