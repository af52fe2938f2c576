import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { eventsField, outboundWebhookOptionalFields, outboundWebhookUrlField } from './fields';
import { outboundWebhooksUrl } from './locator';

const show = showFor('outboundWebhook', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an outbound webhook',
	description:
		'Subscribe a URL to HueChat events; the output holds the signing secret, shown only this once',
	routing: recordRouting('POST', outboundWebhooksUrl, undefined, [
		checkFields({ parameter: 'url', label: 'URL', check: 'notBlank' }),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	outboundWebhookUrlField(show, true),
	eventsField(show, true),
	{
		...collectionHead('additionalFields', 'outboundWebhook', 'create'),
		displayOptions: show,
		options: outboundWebhookOptionalFields,
	},
];
