import { deleteOperation } from '../../../shared/descriptions/operations';
import { outboundWebhookRecord } from './locator';

export const { option, properties } = deleteOperation(outboundWebhookRecord, 'Delete an outbound webhook', 'Delete a subscription; HueChat stops delivering to it, retries included');
