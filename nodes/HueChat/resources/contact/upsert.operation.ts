import type {
	INodePropertyOptions,
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	createOptions,
	showFor,
	textField,
	collectionHead,
	simplifyParameter,
} from '../../../shared/descriptions/builders';
import { simplifyRecord } from '../../../shared/output/simplify';
import { v1 } from '../../../shared/transport/api';
import { itemsAt } from '../../../shared/transport/request';
import {
	checkMatch,
	keyFor,
	MATCH_FIELDS,
	matchProperties,
	readMatch,
	v1Path,
	type Match,
	type MatchField,
	createContact,
	findContact,
} from '../../../shared/upsert/contactLookup';
import { createOrUpdate, upsertActionOf } from '../../../shared/upsert/createOrUpdate';
import { checkFields } from '../../../shared/validation/checks';
import { hasRefusal, refuse } from '../../../shared/validation/refusals';
import { contactFields, contactFieldChecks } from './fields';

const show = showFor('contact', ['upsert']);

const nameField: INodeProperties = textField('Name', 'name', 'name', 'body', {
	description: 'Set on a new contact, and on the existing one',
});

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
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
				throw new TypeError('not an object');
			fields.custom_attributes = parsed as IDataObject;
		} catch {
			refuse(
				context,
				new NodeOperationError(
					context.getNode(),
					`'Custom Attributes' must be a JSON object such as {"plan": "pro"}`,
					{ itemIndex: context.getItemIndex() },
				),
			);
			return undefined;
		}
	}
	return fields;
}

interface ContactKey {
	value: string;
	match: Match;
	/** The fields to set on the contact, the match value among them. */
	fields: IDataObject;
}

/**
 * Create or Update of contacts through the shared engine: found by the match value, the routed request becomes
 * `PUT /contacts/{id}`; else the contact is created here (a create that lost a race updates the winner instead) and
 * the routed request reads it back. Never a second contact.
 */
const upsertContact = createOrUpdate<ContactKey>({
	async readKey(context, options) {
		const match = readMatch(context);
		await checkMatch(match).call(context, options);
		const fields = hasRefusal(context)
			? undefined
			: fieldsFrom(context, (options.body ?? {}) as IDataObject);
		if (!fields || hasRefusal(context)) return undefined;
		fields[match.field] = match.value;
		return { value: match.value, match, fields };
	},
	find: async (context, key) => await findContact(context, key.match),
	async update(context, options, contact, key) {
		options.url = await v1Path(context, `/contacts/${String(contact.id)}`);
		options.method = 'PUT';
		options.body = key.fields;
	},
	async create(context, options, key) {
		const { contact, created } = await createContact(
			context,
			key.match,
			key.fields,
			await keyFor(context, String(options.url), 'contact'),
		);
		if (!created) {
			await this.update(context, options, contact, key);
			return 'updated';
		}
		options.url = await v1Path(context, `/contacts/${String(contact.id)}`);
		options.method = 'GET';
		delete options.body;
		return 'created';
	},
});

/** postReceive: the contact (simplified unless Simplify is off) and whether it was created or updated. */
export async function upsertOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const action = upsertActionOf(this);
	const simplify = this.getNodeParameter('simplify', true) === true;
	return items.map((item) => ({
		json: { ...(simplify ? simplifyRecord('contact', item.json) : item.json), action },
	}));
}

export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: { method: 'POST', url: v1('/contacts') },
		send: { preSend: [checkFields(...contactFieldChecks('contactUpsertFields')), upsertContact] },
		output: { postReceive: [itemsAt('payload'), upsertOutput] },
	},
};

export const properties: INodeProperties[] = [
	...matchProperties(
		'contact',
		'upsert',
		'identifies the contact: the one holding it is updated, or a new one is created with it',
	),
	// one Additional Fields per Match By, without the field matched by (it is set above)
	...(Object.keys(MATCH_FIELDS) as MatchField[]).map((matchBy) => ({
		...collectionHead('additionalFields', 'contact', 'upsert'),
		displayOptions: { show: { ...show.show, matchBy: [matchBy] } },
		options: [...contactFields, nameField]
			.filter((field) => field.name !== MATCH_FIELDS[matchBy].parameter)
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	})),
	simplifyParameter(show),
	createOptions('contact', 'upsert'),
];
