import type { INodePropertyOptions } from 'n8n-workflow';

import { checkAgentIds } from '../../../shared/descriptions/agentIds';
import { v1 } from '../../../shared/transport/api';
import { itemsAt } from '../../../shared/transport/request';
import { checkFields } from '../../../shared/validation/checks';
import { teamIdCheck } from './locator';

export const teamMembersUrl = v1('/teams/{{$parameter.teamId}}/team_members');

/** Add / Set / Remove Members: `user_ids` in the body; the answer is a bare array of agents. */
export function membersRouting(
	method: 'POST' | 'PATCH' | 'DELETE',
): INodePropertyOptions['routing'] {
	return {
		request: { method, url: teamMembersUrl },
		send: { preSend: [checkFields(teamIdCheck), checkAgentIds] },
		output: { postReceive: [itemsAt('')] },
	};
}
