import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';

export const templateDescription: INodeProperties[] = resourceDescription('template', 'getAll', [
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
]);
