import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAllOperation from './getAll.operation';
import * as sendAndWaitOperation from './sendAndWait.operation';
import * as sendAndWaitForReplyOperation from './sendAndWaitForReply.operation';
import * as sendToContactOperation from './sendToContact.operation';
import * as updateStatusOperation from './updateStatus.operation';

export const messageDescription: INodeProperties[] = resourceDescription('message', 'create', [
	createOperation,
	deleteOperation,
	getAllOperation,
	sendAndWaitOperation,
	sendAndWaitForReplyOperation,
	sendToContactOperation,
	updateStatusOperation,
]);

export { execute as sendAndWait } from './sendAndWait.operation';
export { execute as sendAndWaitForReply } from './sendAndWaitForReply.operation';
export { sendAndWaitWebhooks, webhookForResume } from './sendAndWaitWebhook';
