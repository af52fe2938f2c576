import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { idLocator, listRouting, recordRouting, returnAllAndLimit, showFor } from '../../../shared/descriptions/builders';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { checkFields } from '../../../shared/validation/checks';

export const pipelineIdCheck = { parameter: 'pipelineId', label: 'Pipeline', check: 'uuid' as const };

export const pipelineDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pipeline'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a pipeline',
				description: 'Get a pipeline with its stages (ID, name, position, probability)',
				routing: recordRouting('GET', v2('/pipelines/{{$parameter.pipelineId}}'), undefined, [checkFields(pipelineIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many pipelines',
				description: 'List the pipelines with their stages',
				routing: listRouting('GET', v2('/pipelines'), V2_LIST),
			},
		],
		default: 'getAll',
	},
	idLocator(
		{ name: 'pipelineId', displayName: 'Pipeline', searchMethod: 'searchPipelines', idKind: 'uuid', description: 'The pipeline to use' },
		showFor('pipeline', ['get']),
	),
	...returnAllAndLimit('pipeline', 'getAll'),
];
