import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { droppingSecret } from '../outboundWebhook/secret';

export const { option, properties } = getManyOperation(
	'accountWebhook',
	'Get many account webhooks',
	'List the account webhooks (without their secrets)',
	droppingSecret(listRouting('GET', v1('/webhooks'), { style: 'whole', root: 'payload.webhooks' })),
);
