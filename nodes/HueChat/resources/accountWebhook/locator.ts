import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function accountWebhookLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'accountWebhookId',
			displayName: 'Webhook',
			searchMethod: 'searchAccountWebhooks',
			description: 'The account webhook to use',
		},
		showFor('accountWebhook', operations),
	);
}

export const accountWebhookIdCheck = {
	parameter: 'accountWebhookId',
	label: 'Webhook',
	check: 'positiveInteger' as const,
};

export const accountWebhookUrl = v1('/webhooks/{{$parameter.accountWebhookId}}');
export const checkAccountWebhookId = checkFields(accountWebhookIdCheck);

/** What accountWebhook operations on one record share: the picker, the record's URL and the ID check. */
export const accountWebhookRecord: RecordKind = {
	resource: 'accountWebhook',
	picker: accountWebhookLocator,
	url: accountWebhookUrl,
	check: checkAccountWebhookId,
};
