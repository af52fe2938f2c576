import type { INodeProperties } from 'n8n-workflow';

import { textField } from '../../../shared/descriptions/builders';

import { webhookUrlField } from '../../../shared/descriptions/webhookFields';
import { v2EventOptions } from '../../../shared/descriptions/webhookEvents';

/** The fields a subscription has, as Create's Additional Fields and Update's Update Fields. */
export const outboundWebhookOptionalFields: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description:
			'Whether HueChat delivers events to the subscription; turn off to pause it without deleting it',
		routing: { send: { type: 'body', property: 'active' } },
	},
	textField('Description', 'description', 'description', 'body', {
		placeholder: 'e.g. Order sync',
		description: 'A note to recognise the subscription by',
	}),
];

export function eventsField(
	displayOptions: INodeProperties['displayOptions'],
	required: boolean,
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: v2EventOptions(true),
		default: [],
		required,
		displayOptions,
		description:
			'The events HueChat delivers to the URL. All Events also covers events HueChat adds later.',
		routing: { send: { type: 'body', property: 'events' } },
	};
}

/** Outbound webhooks' URL field. */
export function outboundWebhookUrlField(
	displayOptions: INodeProperties['displayOptions'],
	required: boolean,
): INodeProperties {
	return webhookUrlField(displayOptions, required, {
		placeholder: 'e.g. https://example.com/hooks/huechat',
		description: 'Where HueChat POSTs the events: https (plain http only for localhost)',
	});
}
