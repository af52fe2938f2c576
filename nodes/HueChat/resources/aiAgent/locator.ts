import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';

export function aiAgentLocator(operations: string[]): INodeProperties {
	return idLocator(
		{ name: 'aiAgentId', displayName: 'AI Agent', searchMethod: 'searchAiAgents', idKind: 'uuid', description: 'The AI agent to use' },
		showFor('aiAgent', operations),
	);
}

export const aiAgentIdCheck = { parameter: 'aiAgentId', label: 'AI Agent', check: 'uuid' as const };

export const aiAgentUrl = (suffix = '') => v2(`/ai_agents/{{$parameter.aiAgentId}}${suffix}`);
