import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { outboundWebhooksUrl } from './locator';
import { droppingSecret } from './secret';

export const { option, properties } = getManyOperation(
	'outboundWebhook',
	'Get many outbound webhooks',
	'List the subscriptions of the account',
	droppingSecret(
		listRouting('GET', outboundWebhooksUrl, { style: 'perPage', root: 'data', perPage: 100 }),
	),
);
