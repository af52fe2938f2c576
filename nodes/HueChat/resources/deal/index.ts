import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as upsertOperation from './upsert.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';
import * as markLostOperation from './markLost.operation';
import * as markWonOperation from './markWon.operation';
import * as updateOperation from './update.operation';

export const dealDescription: INodeProperties[] = resourceDescription('deal', 'getAll', [
	createOperation,
	upsertOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	markLostOperation,
	markWonOperation,
	updateOperation,
]);
