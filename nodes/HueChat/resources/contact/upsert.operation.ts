import type { INodePropertyOptions, IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createOptions, showFor, textField } from '../../../shared/descriptions/builders';
import { simplifyRecord } from '../../../shared/output/simplify';
import { recallFacts, rememberFacts } from '../../../shared/state/facts';
import { v1 } from '../../../shared/transport/api';
import { itemsAt } from '../../../shared/transport/request';
import { checkMatch, findOrCreateContact, keyFor, matchProperties, readMatch, v1Path } from '../../../shared/upsert/contactLookup';
import { checkFields } from '../../../shared/validation/checks';
import { hasRefusal, refuse } from '../../../shared/validation/refusals';
import { contactFields, contactFieldChecks } from './fields';

const show = showFor('contact', ['upsert']);

const nameField: INodeProperties = textField('Name', 'name', 'name', 'body', { description: 'Set on a new contact, and on the existing one' });

export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: { method: 'POST', url: v1('/contacts') },
		send: { preSend: [checkFields(...contactFieldChecks('additionalFields')), upsertContact] },
		output: { postReceive: [itemsAt('payload'), upsertOutput] },
	},
};

export const properties: INodeProperties[] = [
	...matchProperties('contact', 'upsert', 'identifies the contact: the one holding it is updated, or a new one is created with it'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [...contactFields, nameField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: show,
	},
	createOptions('contact', 'upsert'),
];

/** The fields to set, from the body routing built: empty ones dropped, Custom Attributes parsed. */
function fieldsFrom(context: IExecuteSingleFunctions, body: IDataObject): IDataObject | undefined {
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (value === '' || value === undefined || value === null) continue;
		fields[key] = value;
	}
	if (typeof fields.custom_attributes === 'string') {
		try {
			const parsed: unknown = JSON.parse(fields.custom_attributes);
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('not an object');
			fields.custom_attributes = parsed as IDataObject;
		} catch {
			refuse(context, new NodeOperationError(context.getNode(), `'Custom Attributes' must be a JSON object such as {"plan": "pro"}`, { itemIndex: context.getItemIndex() }));
			return undefined;
		}
	}
	return fields;
}

/**
 * preSend of Create or Update: finds the contact by the match value; updates it (the routed request becomes
 * `PUT /contacts/{id}`) or creates it (then the routed request reads it back). Never a second contact.
 */
export async function upsertContact(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const match = readMatch(this);
	await checkMatch(match).call(this, options);
	const fields = hasRefusal(this) ? undefined : fieldsFrom(this, (options.body ?? {}) as IDataObject);
	if (!fields || hasRefusal(this)) return options;
	fields[match.field] = match.value;
	try {
		const { contact, created } = await findOrCreateContact(this, match, fields, await keyFor(this, String(options.url), 'contact'));
		rememberFacts(this, { action: created ? 'created' : 'updated' });
		options.url = await v1Path(this, `/contacts/${String(contact.id)}`);
		if (created) {
			options.method = 'GET';
			delete options.body;
		} else {
			options.method = 'PUT';
			options.body = fields;
		}
	} catch (error) {
		refuse(this, error as NodeOperationError);
	}
	return options;
}

/** postReceive: the contact (simplified unless Simplify is off) and whether it was created or updated. */
export async function upsertOutput(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const { action } = recallFacts(this);
	const simplify = this.getNodeParameter('simplify', true) === true;
	return items.map((item) => ({ json: { ...(simplify ? simplifyRecord('contact', item.json) : item.json), action: action ?? 'updated' } }));
}
