import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';

export const pipelineDescription: INodeProperties[] = resourceDescription('pipeline', 'getAll', [
	getOperation,
	getAllOperation,
]);
