import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';
import * as handOverOperation from './handOver.operation';
import * as takeBackOperation from './takeBack.operation';
import * as updateOperation from './update.operation';

export const aiAgentDescription: INodeProperties[] = resourceDescription('aiAgent', 'getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	handOverOperation,
	takeBackOperation,
	updateOperation,
]);
