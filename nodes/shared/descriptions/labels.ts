import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { showFor } from './builders';
import { apiRequest } from '../transport/request';
import { hasRefusal, refuse } from '../validation/refusals';

/**
 * Set Labels of conversations and contacts. HueChat's endpoint replaces the whole set; 'Add' and 'Remove' read
 * the current labels first, so a workflow can tag without knowing (or wiping) the other labels.
 */

const LABEL_TITLE = /^[\p{L}\p{N}_-]+$/u;

export function labelFields(resource: string, operation: string): INodeProperties[] {
	const show = showFor(resource, [operation]);
	return [
		{
			displayName: 'Mode',
			name: 'labelMode',
			type: 'options',
			options: [
				{ name: 'Add', value: 'add', description: 'Keep the current labels and add these' },
				{ name: 'Remove', value: 'remove', description: 'Keep the current labels except these' },
				{
					name: 'Replace All',
					value: 'replace',
					description: 'Set exactly these labels (empty removes every label)',
				},
			],
			default: 'add',
			displayOptions: show,
		},
		{
			displayName: 'Labels',
			name: 'labels',
			type: 'string',
			default: '',
			placeholder: 'e.g. vip, billing',
			description: 'Comma-separated label titles (letters, digits, - and _)',
			displayOptions: show,
		},
	];
}

function parseLabels(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return [...new Set(list.map((label) => label.trim()).filter((label) => label !== ''))];
}

/** preSend: the labels to send as `labels`, after merging with the current ones for Add / Remove. */
export async function applyLabelMode(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const mode = String(this.getNodeParameter('labelMode', 'add'));
	const labels = parseLabels(this.getNodeParameter('labels', ''));
	const invalid = labels.filter((label) => !LABEL_TITLE.test(label));
	if (invalid.length > 0) {
		refuse(
			this,
			new NodeOperationError(
				node,
				`'Labels' may contain only letters, digits, - and _; got "${invalid.join('", "')}"`,
				{ itemIndex },
			),
		);
	} else if (mode !== 'replace' && labels.length === 0) {
		refuse(
			this,
			new NodeOperationError(node, `'Labels' must name at least one label to ${mode}`, {
				itemIndex,
			}),
		);
	}
	if (hasRefusal(this)) return options;
	let next = labels;
	if (mode !== 'replace') {
		try {
			const current = parseLabels(
				((await apiRequest(this, 'GET', String(options.url))) as IDataObject)?.payload,
			);
			next =
				mode === 'add'
					? [...new Set([...current, ...labels])]
					: current.filter((label) => !labels.includes(label));
		} catch (error) {
			refuse(this, error as NodeApiError);
			return options;
		}
	}
	options.body = { labels: next };
	return options;
}

/** postReceive: `{<idField>: id, labels: [...]}` from `{"payload": [...]}`. */
export function labelsOutput(idField: string, idParameter: string) {
	return async function labelItem(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const id = Number(this.getNodeParameter(idParameter, '', { extractValue: true }));
		return items.map((item) => ({
			json: { [idField]: id, labels: (item.json.payload as string[] | undefined) ?? [] },
		}));
	};
}
