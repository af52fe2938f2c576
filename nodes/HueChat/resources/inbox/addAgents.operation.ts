import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { inboxLocator } from './locator';
import { membersRouting } from './members';

export const option: INodePropertyOptions = {
	name: 'Add Agents',
	value: 'addAgents',
	action: 'Add agents to an inbox',
	description: 'Make agents members of an inbox; returns every agent of the inbox',
	routing: membersRouting('POST'),
};

export const properties: INodeProperties[] = [
	inboxLocator(['addAgents']),
	agentIdsField('inbox', ['addAgents'], 'Agents to add to the inbox'),
];
