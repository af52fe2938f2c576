import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as cancelOperation from './cancel.operation';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';
import * as getStatsOperation from './getStats.operation';
import * as sendOperation from './send.operation';
import * as updateOperation from './update.operation';

export const broadcastDescription: INodeProperties[] = resourceDescription('broadcast', 'getAll', [
	cancelOperation,
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	getStatsOperation,
	sendOperation,
	updateOperation,
]);
