import type { INodeProperties } from 'n8n-workflow';

/** The URL a webhook delivers to (Account Webhook and Outbound Webhook; Create requires it, Update offers it). */
export function webhookUrlField(
	displayOptions: INodeProperties['displayOptions'],
	required: boolean,
	text: { placeholder: string; description: string },
): INodeProperties {
	return {
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required,
		displayOptions,
		...text,
		routing: { send: { type: 'body', property: 'url' } },
	};
}
