import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

export const outboundWebhooksUrl = v2('/outbound_webhooks');
export const outboundWebhookUrl = (suffix = '') =>
	v2(`/outbound_webhooks/{{$parameter.outboundWebhookId}}${suffix}`);

/** The subscription to act on: picked from the list (searchable) or given by its ID (a UUID). */
export const outboundWebhookRecord = pickedRecord('outboundWebhook', outboundWebhookUrl(), {
	displayName: 'Outbound Webhook',
	searchMethod: 'searchOutboundWebhooks',
	idKind: 'uuid',
	description: 'The outbound webhook subscription to use',
});
export const {
	picker: outboundWebhookLocator,
	idCheck: outboundWebhookIdCheck,
	check: checkOutboundWebhookId,
} = outboundWebhookRecord;
