import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as assignOperation from './assign.operation';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as filterOperation from './filter.operation';
import * as getOperation from './get.operation';
import * as getCountsOperation from './getCounts.operation';
import * as getLabelsOperation from './getLabels.operation';
import * as getAllOperation from './getAll.operation';
import * as searchOperation from './search.operation';
import * as setCustomAttributesOperation from './setCustomAttributes.operation';
import * as setLabelsOperation from './setLabels.operation';
import * as setPriorityOperation from './setPriority.operation';
import * as setStatusOperation from './setStatus.operation';
import * as setTypingOperation from './setTyping.operation';
import * as updateOperation from './update.operation';

export const conversationDescription: INodeProperties[] = resourceDescription(
	'conversation',
	'getAll',
	[
		assignOperation,
		createOperation,
		deleteOperation,
		filterOperation,
		getOperation,
		getCountsOperation,
		getLabelsOperation,
		getAllOperation,
		searchOperation,
		setCustomAttributesOperation,
		setLabelsOperation,
		setPriorityOperation,
		setStatusOperation,
		setTypingOperation,
		updateOperation,
	],
);
