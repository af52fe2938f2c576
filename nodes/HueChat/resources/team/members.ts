import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions/builders';
import { agentIdsField } from '../../../shared/descriptions/agentIds';
import { teamLocator } from './locator';

/** Get Members, Add Members, Set Members and Remove Members: the team, and the agents for the last three. */
export const teamMembersDescription: INodeProperties[] = [
	teamLocator(['getMembers', 'addMembers', 'setMembers', 'removeMembers']),
	...returnAllAndLimit('team', 'getMembers'),
	agentIdsField('team', ['addMembers'], 'Agents to add to the team'),
	agentIdsField('team', ['setMembers'], 'The agents the team should have; members not listed are removed from it'),
	agentIdsField('team', ['removeMembers'], 'Agents to remove from the team'),
];
