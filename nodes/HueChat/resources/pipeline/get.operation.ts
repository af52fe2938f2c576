import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';
import { pipelineIdCheck, pipelineLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a pipeline',
	description: 'Get a pipeline with its stages (ID, name, position, probability)',
	routing: recordRouting('GET', v2('/pipelines/{{$parameter.pipelineId}}'), undefined, [checkFields(pipelineIdCheck)]),
};

export const properties: INodeProperties[] = [
	pipelineLocator(['get']),
];
