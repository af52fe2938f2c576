import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting, returnAllAndLimit, showFor } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { droppingSecret } from '../outboundWebhook/secret';
import { accountWebhookOptionalFields, subscriptionsField, webhookUrlField } from './fields';
import { accountWebhookIdCheck, accountWebhookLocator } from './locator';

const byId = v1('/webhooks/{{$parameter.accountWebhookId}}');
const idCheck = checkFields(accountWebhookIdCheck);
const show = (operation: string) => showFor('accountWebhook', [operation]);

const updateFields: INodeProperties[] = [...accountWebhookOptionalFields, subscriptionsField(undefined, false), webhookUrlField(undefined, false)].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);


export const accountWebhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accountWebhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an account webhook',
				description: 'Subscribe a URL to Chatwoot-style events; the output holds the signing secret',
				routing: recordRouting('POST', v1('/webhooks'), 'payload.webhook', [checkFields({ parameter: 'url', label: 'URL', check: 'notBlank' }), dropEmptyBodyFields]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an account webhook',
				description: 'Delete an account webhook',
				routing: deleteRouting(byId, [idCheck]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many account webhooks',
				description: 'List the account webhooks (without their secrets)',
				routing: droppingSecret(listRouting('GET', v1('/webhooks'), { style: 'whole', root: 'payload.webhooks' })),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an account webhook',
				description: 'Change the fields you set: URL, events, name, inbox',
				routing: droppingSecret(
					recordRouting('PATCH', byId, 'payload.webhook', [idCheck, requireSomeField('updateFields', updateFields.map((field) => field.displayName)), dropEmptyBodyFields]),
				),
			},
		],
		default: 'getAll',
	},
	webhookUrlField(show('create'), true),
	subscriptionsField(show('create'), true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('create'),
		options: accountWebhookOptionalFields,
	},
	accountWebhookLocator(['delete', 'update']),
	...returnAllAndLimit('accountWebhook', 'getAll'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('update'),
		options: updateFields,
	},
];
