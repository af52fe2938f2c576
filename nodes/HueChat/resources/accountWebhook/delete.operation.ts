import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { accountWebhookRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	accountWebhookRecord,
	'Delete an account webhook',
	'Delete an account webhook',
);
