import { deleteOperation } from '../../../shared/descriptions/operations';
import { accountWebhookRecord } from './locator';

export const { option, properties } = deleteOperation(accountWebhookRecord, 'Delete an account webhook', 'Delete an account webhook');
