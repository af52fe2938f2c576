import type {
	INodePropertyOptions,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { apiRequest } from '../../../shared/transport/request';
import { hasRefusal, refuse } from '../../../shared/validation/refusals';
import { conversationLocator, conversationUrl, checkConversationId } from './locator';

const show = showFor('conversation', ['setCustomAttributes']);

/** postReceive: which conversation, and its custom attributes now. */
async function withConversationId(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = Number(this.getNodeParameter('conversationId', '', { extractValue: true }));
	return items.map((item) => ({ json: { conversation_id: id, ...item.json } }));
}

export const option: INodePropertyOptions = {
	name: 'Set Custom Attributes',
	value: 'setCustomAttributes',
	action: 'Set the custom attributes of a conversation',
	description:
		'Set custom attribute values of a conversation, merged with the current ones or replacing them',
	routing: {
		request: { method: 'POST', url: conversationUrl('/custom_attributes') },
		send: { preSend: [checkConversationId, customAttributesBody] },
		output: { postReceive: [withConversationId] },
	},
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['setCustomAttributes']),
	{
		displayName: 'Custom Attributes',
		name: 'customAttributes',
		type: 'json',
		required: true,
		default: '{}',
		placeholder: '{"order_id": "4411", "plan": "pro"}',
		description: 'Values by custom attribute key, as a JSON object',
		displayOptions: show,
	},
	{
		displayName: 'Mode',
		name: 'attributeMode',
		type: 'options',
		options: [
			{
				name: 'Merge With Existing',
				value: 'merge',
				description: 'Set these keys and keep the others',
			},
			{
				name: 'Replace All',
				value: 'replace',
				description: 'Keep only these keys (HueChat replaces the whole set)',
			},
		],
		default: 'merge',
		displayOptions: show,
	},
];

/** preSend: `custom_attributes` from the JSON, merged into the current ones unless the mode is Replace All. */
export async function customAttributesBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('customAttributes', '{}');
	let attributes: IDataObject | undefined;
	try {
		const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
			attributes = parsed as IDataObject;
	} catch {
		attributes = undefined;
	}
	if (!attributes) {
		refuse(
			this,
			new NodeOperationError(
				this.getNode(),
				`'Custom Attributes' must be a JSON object such as {"plan": "pro"}`,
				{ itemIndex: this.getItemIndex() },
			),
		);
	}
	if (hasRefusal(this) || !attributes) return options;
	if (this.getNodeParameter('attributeMode', 'merge') === 'merge') {
		try {
			const conversationUrl = String(options.url).replace(/\/custom_attributes$/, '');
			const current = ((await apiRequest(this, 'GET', conversationUrl)) as IDataObject)
				?.custom_attributes as IDataObject | undefined;
			attributes = { ...(current ?? {}), ...attributes };
		} catch (error) {
			refuse(this, error as NodeOperationError);
			return options;
		}
	}
	options.body = { custom_attributes: attributes };
	return options;
}
