import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { listRouting, returnAllAndLimit } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { droppingSecret } from '../outboundWebhook/secret';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many account webhooks',
	description: 'List the account webhooks (without their secrets)',
	routing: droppingSecret(listRouting('GET', v1('/webhooks'), { style: 'whole', root: 'payload.webhooks' })),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('accountWebhook', 'getAll'),
];
