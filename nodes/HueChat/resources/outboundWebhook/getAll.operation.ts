import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, listRouting } from '../../../shared/descriptions/builders';
import { outboundWebhooksUrl } from './locator';
import { droppingSecret } from './secret';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many outbound webhooks',
	description: 'List the subscriptions of the account',
	routing: droppingSecret(listRouting('GET', outboundWebhooksUrl, { style: 'perPage', root: 'data', perPage: 100 })),
};

export const properties: INodeProperties[] = [...returnAllAndLimit('outboundWebhook', 'getAll')];
