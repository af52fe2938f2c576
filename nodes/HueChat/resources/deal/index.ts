import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as createOrUpdateOperation from './createOrUpdate.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';
import * as markLostOperation from './markLost.operation';
import * as markWonOperation from './markWon.operation';
import * as updateOperation from './update.operation';

export const dealDescription: INodeProperties[] = resourceDescription('deal', 'getAll', [
	createOperation,
	createOrUpdateOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	markLostOperation,
	markWonOperation,
	updateOperation,
]);
