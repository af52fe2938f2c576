import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { accountWebhookLocator, accountWebhookUrl, checkAccountWebhookId } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an account webhook',
	description: 'Delete an account webhook',
	routing: deleteRouting(accountWebhookUrl, [checkAccountWebhookId]),
};

export const properties: INodeProperties[] = [
	accountWebhookLocator(['delete']),
];
