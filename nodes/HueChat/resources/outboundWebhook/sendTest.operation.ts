import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { outboundWebhookUrl, checkOutboundWebhookId, outboundWebhookLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Send Test Event',
	value: 'sendTest',
	action: 'Send a test event to an outbound webhook',
	description: 'Deliver a webhook.test event to the subscription now',
	routing: recordRouting('POST', outboundWebhookUrl('/test'), undefined, [checkOutboundWebhookId]),
};

export const properties: INodeProperties[] = [outboundWebhookLocator(['sendTest'])];
