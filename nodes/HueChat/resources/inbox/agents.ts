import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions/builders';
import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { inboxLocator } from './locator';

/** Get Agents, Add Agents, Set Agents and Remove Agents: the inbox, and the agents for the last three. */
export const inboxAgentsDescription: INodeProperties[] = [
	inboxLocator(['getAgents', 'addAgents', 'setAgents', 'removeAgents']),
	...returnAllAndLimit('inbox', 'getAgents'),
	agentIdsField('inbox', ['addAgents'], 'Agents to add to the inbox'),
	agentIdsField('inbox', ['setAgents'], 'The agents the inbox should have; agents not listed are removed from it'),
	agentIdsField('inbox', ['removeAgents'], 'Agents to remove from the inbox'),
];
