import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import {
	accountWebhookOptionalFields,
	showForOperation,
	subscriptionsField,
	accountWebhookUrlField,
} from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an account webhook',
	description: 'Subscribe a URL to Chatwoot-style events; the output holds the signing secret',
	routing: recordRouting('POST', v1('/webhooks'), 'payload.webhook', [
		checkFields({ parameter: 'url', label: 'URL', check: 'notBlank' }),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	accountWebhookUrlField(showForOperation('create'), true),
	subscriptionsField(showForOperation('create'), true),
	{
		...collectionHead('additionalFields', 'accountWebhook', 'create'),
		displayOptions: showForOperation('create'),
		options: accountWebhookOptionalFields,
	},
];
