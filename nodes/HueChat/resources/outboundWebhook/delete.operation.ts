import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { outboundWebhookUrl, checkOutboundWebhookId, outboundWebhookLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an outbound webhook',
	description: 'Delete a subscription; HueChat stops delivering to it, retries included',
	routing: deleteRouting(outboundWebhookUrl(), [checkOutboundWebhookId]),
};

export const properties: INodeProperties[] = [
	outboundWebhookLocator(['delete']),
];
