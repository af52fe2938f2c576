import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { requireSomeField } from '../../../shared/validation/checks';
import { eventsField, outboundWebhookOptionalFields, outboundWebhookUrlField } from './fields';
import { outboundWebhookLocator, outboundWebhookUrl, checkOutboundWebhookId } from './locator';
import { droppingSecret } from './secret';

const updateFields: INodeProperties[] = [
	...outboundWebhookOptionalFields,
	eventsField(undefined, false),
	outboundWebhookUrlField(undefined, false),
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const outboundWebhookUpdateFieldNames = updateFields.map((field) => field.displayName);

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an outbound webhook',
	description: 'Change the fields you set: URL, events, description, active',
	routing: droppingSecret(
		recordRouting('PATCH', outboundWebhookUrl(), undefined, [
			checkOutboundWebhookId,
			requireSomeField('outboundWebhookUpdateFields', outboundWebhookUpdateFieldNames),
		]),
	),
};

export const properties: INodeProperties[] = [
	outboundWebhookLocator(['update']),
	{
		...collectionHead('updateFields', 'outboundWebhook', 'update'),
		displayOptions: showFor('outboundWebhook', ['update']),
		options: updateFields,
	},
];
