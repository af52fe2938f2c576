import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { outboundWebhookCreateDescription } from './create';
import { outboundWebhookGetAllDescription } from './getAll';
import { outboundWebhookIdCheck, outboundWebhookLocator } from './locator';
import { droppingSecret } from './secret';
import { outboundWebhookUpdateDescription, outboundWebhookUpdateFieldNames } from './update';

const collection = v2('/outbound_webhooks');
const byId = (suffix = '') => v2(`/outbound_webhooks/{{$parameter.outboundWebhookId}}${suffix}`);
const idCheck = checkFields(outboundWebhookIdCheck);


export const outboundWebhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['outboundWebhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an outbound webhook',
				description: 'Subscribe a URL to HueChat events; the output holds the signing secret, shown only this once',
				routing: recordRouting('POST', collection, undefined, [
					checkFields({ parameter: 'url', label: 'URL', check: 'notBlank' }),
					dropEmptyBodyFields,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an outbound webhook',
				description: 'Delete a subscription; HueChat stops delivering to it, retries included',
				routing: deleteRouting(byId(), [idCheck]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an outbound webhook',
				description: 'Get a subscription by ID (its secret is never shown again)',
				routing: droppingSecret(recordRouting('GET', byId(), undefined, [idCheck])),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many outbound webhooks',
				description: 'List the subscriptions of the account',
				routing: droppingSecret(listRouting('GET', collection, { style: 'perPage', root: 'data', perPage: 100 })),
			},
			{
				name: 'Rotate Secret',
				value: 'rotateSecret',
				action: 'Rotate the secret of an outbound webhook',
				description: 'Make a new signing secret (in the output); the old one keeps verifying for 24 hours',
				routing: recordRouting('POST', byId('/rotate_secret'), undefined, [idCheck]),
			},
			{
				name: 'Send Test Event',
				value: 'sendTest',
				action: 'Send a test event to an outbound webhook',
				description: 'Deliver a webhook.test event to the subscription now',
				routing: recordRouting('POST', byId('/test'), undefined, [idCheck]),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an outbound webhook',
				description: 'Change the fields you set: URL, events, description, active',
				routing: droppingSecret(
					recordRouting('PATCH', byId(), undefined, [
						idCheck,
						requireSomeField('updateFields', outboundWebhookUpdateFieldNames),
					]),
				),
			},
		],
		default: 'getAll',
	},
	...outboundWebhookCreateDescription,
	outboundWebhookLocator(['delete', 'get', 'rotateSecret', 'sendTest']),
	...outboundWebhookGetAllDescription,
	...outboundWebhookUpdateDescription,
];
