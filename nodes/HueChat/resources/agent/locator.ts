import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

/** The agent picker: From List or By ID (HueChat has no dashboard page per agent). */
export function agentLocator(operations: string[]): INodeProperties {
	return idLocator({ name: 'agentId', displayName: 'Agent', searchMethod: 'searchAgents', description: 'The agent to use' }, showFor('agent', operations));
}

export const agentIdCheck = { parameter: 'agentId', label: 'Agent', check: 'positiveInteger' as const };

export const agentUrl = v1('/agents/{{$parameter.agentId}}');
