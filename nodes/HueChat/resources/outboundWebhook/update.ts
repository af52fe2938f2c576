import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { eventsField, outboundWebhookOptionalFields, urlField } from './fields';
import { outboundWebhookLocator } from './locator';

const updateFields: INodeProperties[] = [...outboundWebhookOptionalFields, eventsField(undefined, false), urlField(undefined, false)].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

export const outboundWebhookUpdateFieldNames = updateFields.map((field) => field.displayName);

export const outboundWebhookUpdateDescription: INodeProperties[] = [
	outboundWebhookLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('outboundWebhook', ['update']),
		options: updateFields,
	},
];
