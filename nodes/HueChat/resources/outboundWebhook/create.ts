import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { eventsField, outboundWebhookOptionalFields, urlField } from './fields';

const show = showFor('outboundWebhook', ['create']);

export const outboundWebhookCreateDescription: INodeProperties[] = [
	urlField(show, true),
	eventsField(show, true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: outboundWebhookOptionalFields,
	},
];
