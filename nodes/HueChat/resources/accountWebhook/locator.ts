import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';

export function accountWebhookLocator(operations: string[]): INodeProperties {
	return idLocator(
		{ name: 'accountWebhookId', displayName: 'Webhook', searchMethod: 'searchAccountWebhooks', description: 'The account webhook to use' },
		showFor('accountWebhook', operations),
	);
}

export const accountWebhookIdCheck = { parameter: 'accountWebhookId', label: 'Webhook', check: 'positiveInteger' as const };
