import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as addCommentOperation from './addComment.operation';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getCommentsOperation from './getComments.operation';
import * as getAllOperation from './getAll.operation';
import * as updateOperation from './update.operation';

export const ticketDescription: INodeProperties[] = resourceDescription('ticket', 'getAll', [
	addCommentOperation,
	createOperation,
	deleteOperation,
	getOperation,
	getCommentsOperation,
	getAllOperation,
	updateOperation,
]);
