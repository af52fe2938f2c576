import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { teamLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Remove Members',
	value: 'removeMembers',
	action: 'Remove members from a team',
	description: 'Take agents out of a team; returns the members left',
	routing: membersRouting('DELETE'),
};

export const properties: INodeProperties[] = [
	teamLocator(['removeMembers']),
	agentIdsField('team', ['removeMembers'], 'Agents to remove from the team'),
];
