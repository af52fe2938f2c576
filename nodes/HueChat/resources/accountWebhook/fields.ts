import type { INodeProperties } from 'n8n-workflow';

import { textField, showFor } from '../../../shared/descriptions/builders';
import { webhookUrlField } from '../../../shared/descriptions/webhookFields';
import { v1EventOptions } from '../../../shared/descriptions/webhookEvents';

export function subscriptionsField(
	displayOptions: INodeProperties['displayOptions'],
	required: boolean,
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'subscriptions',
		type: 'multiOptions',
		options: v1EventOptions(),
		default: [],
		required,
		displayOptions,
		description: 'The Chatwoot events HueChat delivers to the URL',
		routing: { send: { type: 'body', property: 'subscriptions' } },
	};
}

/** Account webhooks' URL field. */
export function accountWebhookUrlField(
	displayOptions: INodeProperties['displayOptions'],
	required: boolean,
): INodeProperties {
	return webhookUrlField(displayOptions, required, {
		placeholder: 'e.g. https://example.com/hooks/chatwoot',
		description: 'Where HueChat POSTs the events; one webhook per URL in an account',
	});
}

export const accountWebhookOptionalFields: INodeProperties[] = [
	{
		displayName: 'Inbox ID',
		name: 'inboxId',
		type: 'number',
		default: 0,
		description: 'Only deliver events of this inbox',
		routing: {
			send: { type: 'body', property: 'inbox_id', value: '={{ $value > 0 ? $value : null }}' },
		},
	},
	textField('Name', 'name', 'name', 'body', {
		placeholder: 'e.g. CRM sync',
		description: 'A name to recognise the webhook by',
	}),
];

export const showForOperation = (operation: string) => showFor('accountWebhook', [operation]);

/** Update's fields: the optional ones, Events and URL, alphabetical. */
export const accountWebhookUpdateFields: INodeProperties[] = [
	...accountWebhookOptionalFields,
	subscriptionsField(undefined, false),
	accountWebhookUrlField(undefined, false),
].sort((a, b) => a.displayName.localeCompare(b.displayName));
