import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { inboxLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Remove Agents',
	value: 'removeAgents',
	action: 'Remove agents from an inbox',
	description: 'Take agents out of an inbox; returns the agents left in it',
	routing: membersRouting('DELETE'),
};

export const properties: INodeProperties[] = [
	inboxLocator(['removeAgents']),
	agentIdsField('inbox', ['removeAgents'], 'Agents to remove from the inbox'),
];
