import type { INodeProperties } from 'n8n-workflow';

export const shortCodeField = (required: boolean): INodeProperties => ({
	displayName: 'Short Code',
	name: 'shortCode',
	type: 'string',
	...(required ? { required: true } : {}),
	default: '',
	placeholder: 'e.g. refund',
	description: 'What agents type after / to insert the response; unique in the account',
	routing: { send: { type: 'body', property: 'short_code' } },
});

export const contentField = (required: boolean): INodeProperties => ({
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 4 },
	...(required ? { required: true } : {}),
	default: '',
	placeholder: 'e.g. Hi {{contact.name}}, your refund is on its way.',
	description: 'The text inserted; may use variables such as {{contact.name}}',
	routing: { send: { type: 'body', property: 'content' } },
});
