import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as addMembersOperation from './addMembers.operation';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';
import * as getMembersOperation from './getMembers.operation';
import * as removeMembersOperation from './removeMembers.operation';
import * as setMembersOperation from './setMembers.operation';
import * as updateOperation from './update.operation';

export const teamDescription: INodeProperties[] = resourceDescription('team', 'getAll', [
	addMembersOperation,
	createOperation,
	deleteOperation,
	getOperation,
	getAllOperation,
	getMembersOperation,
	removeMembersOperation,
	setMembersOperation,
	updateOperation,
]);
