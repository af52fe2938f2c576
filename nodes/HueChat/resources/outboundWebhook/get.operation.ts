import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { outboundWebhookUrl, checkOutboundWebhookId, outboundWebhookLocator } from './locator';
import { droppingSecret } from './secret';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an outbound webhook',
	description: 'Get a subscription by ID (its secret is never shown again)',
	routing: droppingSecret(
		recordRouting('GET', outboundWebhookUrl(), undefined, [checkOutboundWebhookId]),
	),
};

export const properties: INodeProperties[] = [outboundWebhookLocator(['get'])];
