import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getAllOperation from './getAll.operation';
import * as rotateSecretOperation from './rotateSecret.operation';
import * as sendTestOperation from './sendTest.operation';
import * as updateOperation from './update.operation';

export const outboundWebhookDescription: INodeProperties[] = resourceDescription(
	'outboundWebhook',
	'getAll',
	[
		createOperation,
		deleteOperation,
		getOperation,
		getAllOperation,
		rotateSecretOperation,
		sendTestOperation,
		updateOperation,
	],
);
