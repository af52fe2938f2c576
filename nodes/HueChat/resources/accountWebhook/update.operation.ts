import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { droppingSecret } from '../outboundWebhook/secret';
import { showForOperation, accountWebhookUpdateFields } from './fields';
import { accountWebhookLocator, accountWebhookUrl, checkAccountWebhookId } from './locator';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an account webhook',
	description: 'Change the fields you set: URL, events, name, inbox',
	routing: droppingSecret(
		recordRouting('PATCH', accountWebhookUrl, 'payload.webhook', [
			checkAccountWebhookId,
			requireSomeField(
				'accountWebhookUpdateFields',
				accountWebhookUpdateFields.map((field) => field.displayName),
			),
			dropEmptyBodyFields,
		]),
	),
};

export const properties: INodeProperties[] = [
	accountWebhookLocator(['update']),
	{
		...collectionHead('updateFields', 'accountWebhook', 'update'),
		displayOptions: showForOperation('update'),
		options: accountWebhookUpdateFields,
	},
];
