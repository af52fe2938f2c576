import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	binaryPropertyNames,
	MAX_ATTACHMENTS,
	readBinaryFiles,
	toMultipart,
	type FilePart,
} from '../../../shared/transport/attachments';
import { refuse } from '../../../shared/validation/refusals';
import { refuseInput } from '../../../shared/validation/inputExpressions';
import { messageTemplateParams, readPickedTemplate } from '../../../shared/templates/variables';
import { templateFields } from '../../../shared/templates/fields';

/** What a message may carry besides its text: a WhatsApp template and files from the input item. */

export const MAX_CONTENT = 150_000;

export const attachmentsField: INodeProperties = {
	displayName: 'Attachments',
	name: 'attachments',
	type: 'string',
	default: '',
	placeholder: 'e.g. data, invoice',
	description: `Names of binary properties of the input item to send as files, comma-separated (up to ${MAX_ATTACHMENTS})`,
};

/** Template and Template Variables of a message: optional, every variable of the template. */
export const messageTemplateFields = (displayOptions: { show: Record<string, string[]> }) =>
	templateFields(displayOptions, {
		required: false,
		scope: 'all',
		description:
			'An approved WhatsApp template to send (needed to write first, or after 24 hours without a reply); its variables appear below',
	});

/**
 * The first way to send a template, kept so workflows that use it run unchanged: its name typed and its parameters
 * as JSON. The Template picker with its Template Variables replaces it.
 */
export const templateByNameField: INodeProperties = {
	displayName: 'Template by Name (JSON)',
	name: 'template',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Template by Name',
	description:
		'A WhatsApp template given by its name, with its parameters as JSON. Easier: pick it in Template above, which lists its variables.',
	options: [
		{
			name: 'template',
			displayName: 'Template',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. order_update',
					description: 'The approved template’s name',
				},
				{
					displayName: 'Language',
					name: 'language',
					type: 'string',
					default: 'en_US',
					placeholder: 'e.g. en_US',
				},
				{
					displayName: 'Category',
					name: 'category',
					type: 'options',
					options: [
						{ name: 'Authentication', value: 'AUTHENTICATION' },
						{ name: 'Marketing', value: 'MARKETING' },
						{ name: 'Utility', value: 'UTILITY' },
					],
					default: 'UTILITY',
				},
				{
					displayName: 'Parameters',
					name: 'processedParams',
					type: 'json',
					default: '{}',
					description:
						'The values of the template’s placeholders, e.g. {"body": {"1": "Ada", "2": "#4411"}}; also `header` and `buttons`',
				},
			],
		},
	],
};

/** The template by name of a collection (`messageFields.template.template`) as `template_params`; undefined when none. */
function templateByNameParams(
	context: IExecuteSingleFunctions,
	collection: string,
): IDataObject | undefined | false {
	const raw = ((context.getNodeParameter(`${collection}.template`, {}) as IDataObject).template ??
		undefined) as IDataObject | undefined;
	if (!raw) return undefined;
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const name = String(raw.name ?? '').trim();
	if (name === '') {
		refuse(
			context,
			new NodeOperationError(node, "'Template by Name (JSON)' needs the template's 'Name'", {
				itemIndex,
			}),
		);
		return false;
	}
	let processed: IDataObject = {};
	const text = raw.processedParams;
	try {
		const parsed: unknown =
			typeof text === 'string' ? (text.trim() === '' ? {} : JSON.parse(text)) : (text ?? {});
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			throw new TypeError('not an object');
		processed = parsed as IDataObject;
	} catch {
		refuse(
			context,
			new NodeOperationError(
				node,
				`'Template by Name (JSON)' → 'Parameters' must be a JSON object such as {"body": {"1": "Ada"}}`,
				{ itemIndex },
			),
		);
		return false;
	}
	const params: IDataObject = {
		name,
		category: raw.category ?? 'UTILITY',
		language: String(raw.language ?? '').trim() || 'en_US',
	};
	if (Object.keys(processed).length > 0) params.processed_params = processed;
	return params;
}

/** The picked template with its variables, or the template by name; false after a refusal. */
async function messageTemplate(
	context: IExecuteSingleFunctions,
	collection: string,
): Promise<IDataObject | undefined | false> {
	const byName = templateByNameParams(context, collection);
	if (byName === false) return false;
	const picked = await readPickedTemplate(context, 'all');
	if (picked === false) return false;
	if (picked && byName) {
		refuseInput(context, "Set either 'Template' or 'Template by Name (JSON)', not both");
		return false;
	}
	return picked ? messageTemplateParams(picked) : byName;
}

export interface MessageExtras {
	template?: IDataObject;
	files: FilePart[];
}

/**
 * Reads (and checks) the content, template and attachments of a message before anything is sent; undefined after a
 * refusal. Content is required unless a template or files carry the message; `label` is its field's name.
 */
export async function readMessageExtras(
	context: IExecuteSingleFunctions,
	collection: string,
	content: string,
	label = 'Content',
): Promise<MessageExtras | undefined> {
	const template = await messageTemplate(context, collection);
	if (template === false) return undefined;
	const names = binaryPropertyNames(context.getNodeParameter(`${collection}.attachments`, ''));
	const files = names.length > 0 ? await readBinaryFiles(context, names, 'Attachments') : [];
	if (!files) return undefined;
	const blank = content.trim() === '';
	if ((blank && !template && files.length === 0) || content.length > MAX_CONTENT) {
		refuse(
			context,
			new NodeOperationError(
				context.getNode(),
				`'${label}' must be text of 1 to 150,000 characters; got ${blank ? 'nothing' : `${content.length} characters`}`,
				{
					itemIndex: context.getItemIndex(),
					description: blank ? 'Set a text, a template or attachments' : undefined,
				},
			),
		);
		return undefined;
	}
	return { template, files };
}

/** Puts the template into the body and, with files, turns the request into multipart/form-data. */
export function applyMessageExtras(
	options: IHttpRequestOptions,
	extras: MessageExtras,
): IHttpRequestOptions {
	const body = (options.body ?? {}) as IDataObject;
	if (extras.template) body.template_params = extras.template;
	for (const [key, value] of Object.entries(body))
		if (value === '' || value === undefined || value === null) delete body[key];
	options.body = body;
	return extras.files.length > 0
		? toMultipart(options, extras.files, ['content_attributes'])
		: options;
}

/** preSend of Message → Create: content (checked), template and attachments. */
export async function messageCreateBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const content = String(this.getNodeParameter('messageContent', '') ?? '');
	const extras = await readMessageExtras(this, 'messageFields', content);
	if (!extras) return options;
	options.body = { content, ...(options.body as IDataObject) };
	return applyMessageExtras(options, extras);
}
