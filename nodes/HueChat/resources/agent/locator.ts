import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const agentUrl = v1('/agents/{{$parameter.agentId}}');

/** The agent picker: From List or By ID (HueChat has no dashboard page per agent). */
export const agentRecord = pickedRecord('agent', agentUrl, {
	displayName: 'Agent',
	searchMethod: 'searchAgents',
});
export const { picker: agentLocator, idCheck: agentIdCheck } = agentRecord;
