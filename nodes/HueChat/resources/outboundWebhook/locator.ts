import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The subscription to act on: picked from the list (searchable) or given by its ID (a UUID). */
export function outboundWebhookLocator(operations: string[]): INodeProperties {
	return {
		displayName: 'Outbound Webhook',
		name: 'outboundWebhookId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The outbound webhook subscription to use',
		displayOptions: showFor('outboundWebhook', operations),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOutboundWebhooks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f2b8c1e-6d4a-4f1b-9c2e-7a5d1e0b4c9f',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*${UUID}\\s*$`,
							errorMessage: 'Must be a UUID such as 3f2b8c1e-6d4a-4f1b-9c2e-7a5d1e0b4c9f',
						},
					},
				],
			},
		],
	};
}

export const outboundWebhookIdCheck = {
	parameter: 'outboundWebhookId',
	label: 'Outbound Webhook',
	check: 'uuid' as const,
};

export const outboundWebhooksUrl = v2('/outbound_webhooks');
export const outboundWebhookUrl = (suffix = '') =>
	v2(`/outbound_webhooks/{{$parameter.outboundWebhookId}}${suffix}`);
export const checkOutboundWebhookId = checkFields(outboundWebhookIdCheck);

/** What outboundWebhook operations on one record share: the picker, the record's URL and the ID check. */
export const outboundWebhookRecord: RecordKind = {
	resource: 'outboundWebhook',
	picker: outboundWebhookLocator,
	url: outboundWebhookUrl(),
	check: checkOutboundWebhookId,
};
