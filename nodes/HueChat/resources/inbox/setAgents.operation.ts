import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { inboxLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Set Agents',
	value: 'setAgents',
	action: 'Set the agents of an inbox',
	description: 'Replace the agents of an inbox with the ones given; returns them',
	routing: membersRouting('PATCH'),
};

export const properties: INodeProperties[] = [
	inboxLocator(['setAgents']),
	agentIdsField(
		'inbox',
		['setAgents'],
		'The agents the inbox should have; agents not listed are removed from it',
	),
];
