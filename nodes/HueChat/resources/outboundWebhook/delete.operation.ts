import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { outboundWebhookRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	outboundWebhookRecord,
	'Delete an outbound webhook',
	'Delete a subscription; HueChat stops delivering to it, retries included',
);
