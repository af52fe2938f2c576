import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as addAgentsOperation from './addAgents.operation';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAgentsOperation from './getAgents.operation';
import * as getAllOperation from './getAll.operation';
import * as removeAgentsOperation from './removeAgents.operation';
import * as setAgentsOperation from './setAgents.operation';
import * as updateOperation from './update.operation';

export const inboxDescription: INodeProperties[] = resourceDescription('inbox', 'getAll', [
	addAgentsOperation,
	createOperation,
	deleteOperation,
	getOperation,
	getAgentsOperation,
	getAllOperation,
	removeAgentsOperation,
	setAgentsOperation,
	updateOperation,
]);
