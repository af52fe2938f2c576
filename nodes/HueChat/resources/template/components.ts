import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { fieldsOrJsonChoice } from '../../../shared/descriptions/builders';
import { parseJsonParameter, refuseInput } from '../../../shared/validation/inputExpressions';

const showFields = {
	show: { resource: ['template'], operation: ['create'], componentsInput: ['fields'] },
};
const showJson = {
	show: { resource: ['template'], operation: ['create'], componentsInput: ['json'] },
};

/** The template's header, body, footer and buttons, built with fields (or given as JSON by power users). */
export const templateComponentFields: INodeProperties[] = [
	fieldsOrJsonChoice('Define Components', 'componentsInput', {
		show: { resource: ['template'], operation: ['create'] },
	}),
	{
		displayName: 'Body',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Hi {{1}}, your order {{2}} has shipped.',
		description: 'The message text (up to 1,024 characters); variables are {{1}}, {{2}}, …',
		displayOptions: showFields,
	},
	{
		displayName: 'Components',
		name: 'components',
		type: 'fixedCollection',
		placeholder: 'Add Header, Footer or Buttons',
		default: {},
		displayOptions: showFields,
		options: [
			{
				displayName: 'Buttons',
				name: 'buttons',
				values: [
					{
						displayName: 'Buttons',
						name: 'button',
						type: 'fixedCollection',
						placeholder: 'Add Button',
						typeOptions: { multipleValues: true },
						default: {},
						options: [
							{
								displayName: 'Button',
								name: 'button',
								values: [
									{
										displayName: 'Example',
										name: 'example',
										type: 'string',
										default: '',
										description: "An example value of the URL's variable or of the code",
										displayOptions: { show: { type: ['url', 'copy_code'] } },
									},
									{
										displayName: 'Phone Number',
										name: 'phoneNumber',
										type: 'string',
										default: '',
										placeholder: 'e.g. +14155550123',
										displayOptions: { show: { type: ['phone_number'] } },
									},
									{
										displayName: 'Text',
										name: 'text',
										type: 'string',
										default: '',
										placeholder: 'e.g. Track order',
										description: 'The button label (up to 25 characters)',
									},
									{
										displayName: 'Type',
										name: 'type',
										type: 'options',
										default: 'quick_reply',
										options: [
											{ name: 'Copy Code', value: 'copy_code' },
											{ name: 'One-Time Password', value: 'otp' },
											{ name: 'Phone Number', value: 'phone_number' },
											{ name: 'Quick Reply', value: 'quick_reply' },
											{ name: 'URL', value: 'url' },
										],
									},
									{
										displayName: 'URL',
										name: 'url',
										type: 'string',
										default: '',
										placeholder: 'e.g. https://shop.example.com/track/{{1}}',
										description: 'May end with one variable',
										displayOptions: { show: { type: ['url'] } },
									},
								],
							},
						],
					},
				],
			},
			{
				displayName: 'Footer',
				name: 'footer',
				values: [
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						placeholder: 'e.g. Reply STOP to unsubscribe',
						description: 'Up to 60 characters',
					},
				],
			},
			{
				displayName: 'Header',
				name: 'header',
				values: [
					{
						displayName: 'Format',
						name: 'format',
						type: 'options',
						default: 'text',
						options: [
							{ name: 'Document', value: 'document' },
							{ name: 'Image', value: 'image' },
							{ name: 'Location', value: 'location' },
							{ name: 'Text', value: 'text' },
							{ name: 'Video', value: 'video' },
						],
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						placeholder: 'e.g. Order update',
						description: 'Up to 60 characters',
						displayOptions: { show: { format: ['text'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[\n  { "type": "body", "text": "Hi {{1}}, your order {{2}} has shipped." }\n]',
		description:
			'The components array as HueChat takes it: {type: header|body|footer|buttons, format?, text?, buttons?}, exactly one body',
		displayOptions: showJson,
	},
];

interface ButtonRow {
	type?: string;
	text?: string;
	url?: string;
	phoneNumber?: string;
	example?: string;
}

/** preSend of Create: the components array, from the fields (header, body, footer, buttons in that order) or the JSON. */
export async function buildTemplateComponents(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (options.body ?? {}) as IDataObject;
	if (this.getNodeParameter('componentsInput', 'fields') === 'json') {
		const components = parseJsonParameter(
			this,
			this.getNodeParameter('componentsJson', '[]'),
			'Components (JSON)',
			'array',
			'[{"type": "body", "text": "Hello {{1}}"}]',
		);
		if (components) body.components = components;
		options.body = body;
		return options;
	}
	const text = String(this.getNodeParameter('bodyText', '') ?? '');
	if (text.trim() === '') refuseInput(this, "'Body' is empty: a template needs its message text");
	const parts = this.getNodeParameter('components', {}) as {
		header?: { format?: string; text?: string };
		footer?: { text?: string };
		buttons?: { button?: { button?: ButtonRow[] } };
	};
	const components: IDataObject[] = [];
	if (parts.header) {
		const format = parts.header.format ?? 'text';
		components.push(
			format === 'text'
				? { type: 'header', format, text: parts.header.text ?? '' }
				: { type: 'header', format },
		);
	}
	components.push({ type: 'body', text });
	if (parts.footer) components.push({ type: 'footer', text: parts.footer.text ?? '' });
	const buttons = parts.buttons?.button?.button ?? [];
	if (buttons.length > 0) {
		components.push({
			type: 'buttons',
			buttons: buttons.map((row) => {
				const button: IDataObject = { type: row.type ?? 'quick_reply', text: row.text ?? '' };
				if (row.type === 'url') button.url = row.url ?? '';
				if (row.type === 'phone_number') button.phone_number = row.phoneNumber ?? '';
				if ((row.type === 'url' || row.type === 'copy_code') && row.example)
					button.example = row.example;
				return button;
			}),
		});
	}
	body.components = components;
	options.body = body;
	return options;
}
