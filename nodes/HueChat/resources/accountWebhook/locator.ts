import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const accountWebhookUrl = v1('/webhooks/{{$parameter.accountWebhookId}}');

/** The webhook picker, the record's URL and the check of its ID. */
export const accountWebhookRecord = pickedRecord('accountWebhook', accountWebhookUrl, {
	displayName: 'Webhook',
	searchMethod: 'searchAccountWebhooks',
	description: 'The account webhook to use',
});
export const {
	picker: accountWebhookLocator,
	idCheck: accountWebhookIdCheck,
	check: checkAccountWebhookId,
} = accountWebhookRecord;
