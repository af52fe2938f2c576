import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAllOperation from './getAll.operation';
import * as sendToContactOperation from './sendToContact.operation';
import * as updateStatusOperation from './updateStatus.operation';

export const messageDescription: INodeProperties[] = resourceDescription('message', 'create', [
	createOperation,
	deleteOperation,
	getAllOperation,
	sendToContactOperation,
	updateStatusOperation,
]);
