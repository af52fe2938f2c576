import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

export const aiAgentUrl = (suffix = '') => v2(`/ai_agents/{{$parameter.aiAgentId}}${suffix}`);

/** The AI Agent picker, the record's URL and the check of its ID. */
export const aiAgentRecord = pickedRecord('aiAgent', aiAgentUrl(), {
	displayName: 'AI Agent',
	searchMethod: 'searchAiAgents',
	idKind: 'uuid',
	description: 'The AI agent to use',
});
export const { picker: aiAgentLocator, idCheck: aiAgentIdCheck } = aiAgentRecord;
