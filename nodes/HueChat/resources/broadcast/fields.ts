import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	broadcastTemplateVariables,
	readPickedTemplate,
} from '../../../shared/templates/variables';
import {
	parseJsonParameter,
	refuseInput,
	rowsToObject,
} from '../../../shared/validation/inputExpressions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who receives a broadcast, built from rows: each row one contact list or one label. One kind of row, so that
 * Create's `minRequiredFields` marks an empty audience in the editor as it marks the other required fields.
 */
export const audienceRows: INodeProperties = {
	displayName: 'Audience',
	name: 'audience',
	type: 'fixedCollection',
	placeholder: 'Add Contact List or Label',
	typeOptions: { multipleValues: true },
	default: {},
	description:
		'Members of these contact lists and contacts with any of these labels receive the broadcast, each once; at least one',
	options: [
		{
			displayName: 'Contact List or Label',
			name: 'members',
			values: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Contact List', value: 'contactList' },
						{ name: 'Label', value: 'label' },
					],
					default: 'contactList',
				},
				{
					displayName: 'Contact List Name or ID',
					name: 'contactListId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getContactLists' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					displayOptions: { show: { type: ['contactList'] } },
				},
				{
					displayName: 'Label',
					name: 'label',
					type: 'string',
					default: '',
					placeholder: 'e.g. vip',
					description: 'Contacts with this label receive the broadcast',
					displayOptions: { show: { type: ['label'] } },
				},
			],
		},
	],
};

export const audienceJson: INodeProperties = {
	displayName: 'Audience (JSON)',
	name: 'audienceJson',
	type: 'json',
	default: '{\n  "contact_list_ids": [],\n  "labels": []\n}',
	description:
		'The audience as HueChat takes it: {"contact_list_ids": [contact list IDs], "labels": ["vip"]}',
};

export const templateVariableRows: INodeProperties = {
	displayName: 'Template Variables',
	name: 'templateVariables',
	type: 'fixedCollection',
	placeholder: 'Add Variable',
	typeOptions: { multipleValues: true },
	default: {},
	description: "Values of the template's variables, by name or position (1 for {{1}})",
	options: [
		{
			displayName: 'Variable',
			name: 'variable',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. 1' },
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. SPRING20',
				},
			],
		},
	],
};

/** The audience object from the rows (or the JSON), or undefined when nothing was set; refuses bad input. */
function audienceFrom(
	context: IExecuteSingleFunctions,
	rows: unknown,
	json: unknown,
	useJson: boolean,
): IDataObject | undefined {
	if (useJson) {
		return parseJsonParameter(
			context,
			json,
			'Audience (JSON)',
			'object',
			'{"contact_list_ids": [], "labels": ["vip"]}',
		) as IDataObject | undefined;
	}
	const rowsOf = (type: string, field: 'contactListId' | 'label') =>
		((rows ?? {}) as { members?: Array<Record<string, unknown>> }).members
			?.filter((row) => (row.type ?? 'contactList') === type)
			.map((row) => String(row[field] ?? '').trim())
			.filter((value) => value !== '') ?? [];
	const lists = rowsOf('contactList', 'contactListId');
	const labels = rowsOf('label', 'label');
	const bad = lists.find((id) => !UUID.test(id));
	if (bad !== undefined)
		refuseInput(context, `'Audience' has a contact list ID that is not a UUID: "${bad}"`);
	if (lists.length + labels.length === 0) return undefined;
	return { contact_list_ids: [...new Set(lists)], labels: [...new Set(labels)] };
}

/** preSend of Create: the audience (required) and the template variables into the body. */
export async function buildBroadcastCreate(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (options.body ?? {}) as IDataObject;
	const useJson = this.getNodeParameter('audienceInput', 'fields') === 'json';
	const audience = audienceFrom(
		this,
		this.getNodeParameter('audience', {}),
		this.getNodeParameter('audienceJson', '{}'),
		useJson,
	);
	if (audience) body.audience = audience;
	else if (!useJson)
		refuseInput(this, "'Audience' is empty: add at least one contact list or label");
	// rows (the older way, kept for the workflows that use them) count as values; the mapper's win
	const rows = rowsToObject(
		this.getNodeParameter('broadcastFields.templateVariables', {}),
		'variable',
	);
	const picked = await readPickedTemplate(this, 'body', rows);
	const variables = picked ? { ...rows, ...broadcastTemplateVariables(picked) } : rows;
	if (Object.keys(variables).length > 0) body.template_variables = variables;
	options.body = body;
	return options;
}

/** preSend of Update: audience, template variables and unscheduling, only when set. */
export async function buildBroadcastUpdate(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (options.body ?? {}) as IDataObject;
	const fields = this.getNodeParameter('broadcastUpdateFields', {}) as IDataObject;
	if (fields.audienceJson !== undefined || fields.audience !== undefined) {
		const audience = audienceFrom(
			this,
			fields.audience,
			fields.audienceJson,
			fields.audienceJson !== undefined,
		);
		if (audience) body.audience = audience;
		else refuseInput(this, "'Audience' is empty: add at least one contact list or label");
	}
	if (fields.templateVariables !== undefined)
		body.template_variables = rowsToObject(fields.templateVariables, 'variable');
	if (fields.unschedule === true) body.scheduled_at = null;
	options.body = body;
	return options;
}

export const BROADCAST_STATUSES = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Scheduled', value: 'scheduled' },
	{ name: 'Sending', value: 'sending' },
];
