import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';

/** The pipeline picker: From List or By ID (a UUID). */
export function pipelineLocator(operations: string[]): INodeProperties {
	return idLocator(
		{ name: 'pipelineId', displayName: 'Pipeline', searchMethod: 'searchPipelines', idKind: 'uuid', description: 'The pipeline to use' },
		showFor('pipeline', operations),
	);
}

export const pipelineIdCheck = { parameter: 'pipelineId', label: 'Pipeline', check: 'uuid' as const };
