import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { collectionName } from '../descriptions/builders';
import { refuse } from '../validation/refusals';
import { ItemState } from '../state/itemState';

/** HueChat (as Chatwoot) takes at most 15 files per message. */
export const MAX_ATTACHMENTS = 15;

export interface FilePart {
	filename: string;
	contentType: string;
	data: Buffer;
}

/** `data, image ,data` → ['data', 'image']. */
export function binaryPropertyNames(value: unknown): string[] {
	return [
		...new Set(
			String(value ?? '')
				.split(',')
				.map((name) => name.trim())
				.filter((name) => name !== ''),
		),
	];
}

/**
 * The input item's binary properties as files, or undefined after refusing (a missing property, more than 15).
 * Checked before any request so that nothing is created for an item whose files cannot be sent.
 */
export async function readBinaryFiles(
	context: IExecuteSingleFunctions,
	names: string[],
	label: string,
): Promise<FilePart[] | undefined> {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	if (names.length > MAX_ATTACHMENTS) {
		refuse(
			context,
			new NodeOperationError(
				node,
				`'${label}' names ${names.length} binary properties; HueChat takes at most ${MAX_ATTACHMENTS} files per message`,
				{ itemIndex },
			),
		);
		return undefined;
	}
	const files: FilePart[] = [];
	for (const name of names) {
		try {
			const meta = context.helpers.assertBinaryData(name);
			const data = await context.helpers.getBinaryDataBuffer(name);
			const extension = meta.fileExtension ? `.${meta.fileExtension}` : '';
			files.push({
				filename: meta.fileName || `${name}${extension}`,
				contentType: meta.mimeType || 'application/octet-stream',
				data,
			});
		} catch {
			refuse(
				context,
				new NodeOperationError(
					node,
					`'${label}': the input item has no binary property '${name}'`,
					{
						itemIndex,
						description:
							'List the names of binary properties of the input item, separated by commas (e.g. data, invoice)',
					},
				),
			);
			return undefined;
		}
	}
	return files;
}

/** A form field value the way Rails reads it: nested objects as `a[b]`, arrays as `a[]`. */
function formFields(prefix: string, value: unknown, out: Array<[string, string]>): void {
	if (value === undefined || value === null) return;
	if (Array.isArray(value)) {
		for (const item of value) formFields(`${prefix}[]`, item, out);
	} else if (typeof value === 'object') {
		for (const [key, item] of Object.entries(value as IDataObject))
			formFields(`${prefix}[${key}]`, item, out);
	} else {
		out.push([prefix, String(value)]);
	}
}

function quoted(text: string): string {
	return text.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}

/**
 * preSend helper: turns the request's JSON body plus files into a multipart/form-data body (files as
 * `attachments[]`). `jsonFields` are sent as one JSON string field instead of bracketed keys.
 */
export function toMultipart(
	options: IHttpRequestOptions,
	files: FilePart[],
	jsonFields: string[] = [],
): IHttpRequestOptions {
	const boundary = `----HueChatN8n${randomBytes(12).toString('hex')}`;
	const fields: Array<[string, string]> = [];
	for (const [key, value] of Object.entries((options.body ?? {}) as IDataObject)) {
		if (jsonFields.includes(key) && value !== null && typeof value === 'object')
			fields.push([key, JSON.stringify(value)]);
		else formFields(key, value, fields);
	}
	const chunks: Buffer[] = [];
	for (const [name, value] of fields) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`,
				'utf8',
			),
		);
	}
	for (const file of files) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="attachments[]"; filename="${quoted(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
				'utf8',
			),
			file.data,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	options.body = Buffer.concat(chunks);
	options.headers = {
		...(options.headers ?? {}),
		'Content-Type': `multipart/form-data; boundary=${boundary}`,
	};
	return options;
}

/** Per item: how many messages (newest first across pages) were already looked at, for Limit. */
const claimed = new ItemState<number>();

function fileNameOf(attachment: IDataObject, index: number): string {
	const url = String(attachment.data_url ?? '');
	const last = url.split('?')[0].split('/').pop() ?? '';
	let name = '';
	try {
		name = decodeURIComponent(last);
	} catch {
		name = last;
	}
	if (name && name.includes('.')) return name;
	const extension = attachment.extension ? `.${String(attachment.extension)}` : '';
	return `attachment_${String(attachment.id ?? index)}${extension}`;
}

/**
 * postReceive of Message → Get Many's 'Download Attachments' option: each message's attachments become binary
 * properties `<prefix>0`, `<prefix>1`… of its item. The file URLs are not HueChat API calls, so the token is
 * never sent with them. With a Limit, only the messages that will be output are downloaded.
 */
export async function downloadAttachments(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Get Many's options, or those of the operation that reuses it (Send and Wait for Reply)
	const options = collectionName(
		'options',
		'message',
		String(this.getNodeParameter('operation', 'getAll')),
	);
	if (this.getNodeParameter(`${options}.downloadAttachments`, false) !== true) return items;
	const prefix = String(
		this.getNodeParameter(`${options}.attachmentPrefix`, 'attachment_') || 'attachment_',
	);
	let wanted = items;
	if (this.getNodeParameter('returnAll', false) !== true) {
		const limit = Number(this.getNodeParameter('limit', 50));
		const before = claimed.get(this) ?? 0;
		const remaining = Math.max(0, limit - before);
		// message pages come newest first and each page is oldest first: the newest `remaining` ones are output
		wanted = remaining >= items.length ? items : items.slice(items.length - remaining);
		claimed.set(this, before + items.length);
	}
	for (const item of wanted) {
		const attachments = Array.isArray(item.json.attachments)
			? (item.json.attachments as IDataObject[])
			: [];
		for (const [index, attachment] of attachments.entries()) {
			if (typeof attachment.data_url !== 'string' || attachment.data_url === '') continue;
			const response = (await this.helpers.httpRequest({
				method: 'GET',
				url: attachment.data_url,
				encoding: 'arraybuffer',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
			if (response.statusCode >= 400) {
				throw new NodeApiError(
					this.getNode(),
					{
						status: response.statusCode,
						message: `Could not download attachment ${String(attachment.id)}`,
					},
					{
						message: `Could not download attachment ${String(attachment.id)} of message ${String(item.json.id)} (HTTP ${response.statusCode})`,
						description:
							'The file may have been deleted with its message. Turn off Download Attachments to list the messages anyway.',
					},
				);
			}
			const contentType = String(response.headers['content-type'] ?? '').split(';')[0] || undefined;
			const binary = await this.helpers.prepareBinaryData(
				Buffer.from(response.body as ArrayBuffer),
				fileNameOf(attachment, index),
				contentType,
			);
			item.binary = { ...(item.binary ?? {}), [`${prefix}${index}`]: binary };
		}
	}
	return items;
}
