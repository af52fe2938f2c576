import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function aiAgentLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'aiAgentId',
			displayName: 'AI Agent',
			searchMethod: 'searchAiAgents',
			idKind: 'uuid',
			description: 'The AI agent to use',
		},
		showFor('aiAgent', operations),
	);
}

export const aiAgentIdCheck = { parameter: 'aiAgentId', label: 'AI Agent', check: 'uuid' as const };

export const aiAgentUrl = (suffix = '') => v2(`/ai_agents/{{$parameter.aiAgentId}}${suffix}`);

/** What aiAgent operations on one record share: the picker, the record's URL and the ID check. */
export const aiAgentRecord: RecordKind = {
	resource: 'aiAgent',
	picker: aiAgentLocator,
	url: aiAgentUrl(),
	check: checkFields(aiAgentIdCheck),
};
