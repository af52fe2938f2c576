import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as addToInboxOperation from './addToInbox.operation';
import * as createOperation from './create.operation';
import * as upsertOperation from './upsert.operation';
import * as deleteOperation from './delete.operation';
import * as filterOperation from './filter.operation';
import * as getOperation from './get.operation';
import * as getContactableInboxesOperation from './getContactableInboxes.operation';
import * as getConversationsOperation from './getConversations.operation';
import * as getLabelsOperation from './getLabels.operation';
import * as getAllOperation from './getAll.operation';
import * as mergeOperation from './merge.operation';
import * as searchOperation from './search.operation';
import * as setLabelsOperation from './setLabels.operation';
import * as updateOperation from './update.operation';

export const contactDescription: INodeProperties[] = resourceDescription('contact', 'getAll', [
	addToInboxOperation,
	createOperation,
	upsertOperation,
	deleteOperation,
	filterOperation,
	getOperation,
	getContactableInboxesOperation,
	getConversationsOperation,
	getLabelsOperation,
	getAllOperation,
	mergeOperation,
	searchOperation,
	setLabelsOperation,
	updateOperation,
]);
