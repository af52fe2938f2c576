import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The agent picker: From List or By ID (HueChat has no dashboard page per agent). */
export function agentLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'agentId',
			displayName: 'Agent',
			searchMethod: 'searchAgents',
			description: 'The agent to use',
		},
		showFor('agent', operations),
	);
}

export const agentIdCheck = {
	parameter: 'agentId',
	label: 'Agent',
	check: 'positiveInteger' as const,
};

export const agentUrl = v1('/agents/{{$parameter.agentId}}');

/** What agent operations on one record share: the picker, the record's URL and the ID check. */
export const agentRecord: RecordKind = {
	resource: 'agent',
	picker: agentLocator,
	url: agentUrl,
	check: checkFields(agentIdCheck),
};
