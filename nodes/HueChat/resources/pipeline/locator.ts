import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The pipeline picker: From List or By ID (a UUID). */
export function pipelineLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'pipelineId',
			displayName: 'Pipeline',
			searchMethod: 'searchPipelines',
			idKind: 'uuid',
			description: 'The pipeline to use',
		},
		showFor('pipeline', operations),
	);
}

export const pipelineIdCheck = {
	parameter: 'pipelineId',
	label: 'Pipeline',
	check: 'uuid' as const,
};

/** What pipeline operations on one record share: the picker, the record's URL and the ID check. */
export const pipelineRecord: RecordKind = {
	resource: 'pipeline',
	picker: pipelineLocator,
	url: v2('/pipelines/{{$parameter.pipelineId}}'),
	check: checkFields(pipelineIdCheck),
};
