import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../transport/api';
import { addIdempotencyKey } from '../transport/idempotency';
import { apiRequest } from '../transport/request';
import { checkFields, type CheckName } from '../validation/checks';

/**
 * Finding a contact by a unique value (email, phone number or identifier) and creating it when there is none,
 * for Contact → Create or Update and Message → Send to Contact. Never creates a duplicate: the lookup is exact,
 * and a create that loses a race with another item (HueChat answers 422 "has already been taken") looks again.
 */

export type MatchField = 'email' | 'phone_number' | 'identifier';

interface MatchSpec {
	parameter: string;
	label: string;
	check: CheckName;
}

export const MATCH_FIELDS: Record<MatchField, MatchSpec> = {
	email: { parameter: 'email', label: 'Email', check: 'email' },
	phone_number: { parameter: 'phoneNumber', label: 'Phone Number', check: 'e164' },
	identifier: { parameter: 'identifier', label: 'Identifier', check: 'notBlank' },
};

/**
 * A parameter's name under a prefix (`sendTo` + `email` = `sendToEmail`): an operation that shows these fields only
 * under a condition of its own gives them their own names, as a name is one property across the node.
 */
export const prefixed = (prefix: string, name: string) =>
	prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name;

/** Where match fields are shown: their names' prefix, and conditions besides resource and operation. */
export interface MatchPlacement {
	prefix?: string;
	when?: Record<string, string[]>;
}

/** 'Match By' and the value field it shows, required, first. */
export function matchProperties(
	resource: string,
	operation: string,
	verb: string,
	{ prefix = '', when = {} }: MatchPlacement = {},
): INodeProperties[] {
	const matchBy = prefixed(prefix, 'matchBy');
	const show = (value: MatchField) => ({
		show: { resource: [resource], operation: [operation], ...when, [matchBy]: [value] },
	});
	return [
		{
			displayName: 'Match By',
			name: matchBy,
			type: 'options',
			options: [
				{ name: 'Email', value: 'email' },
				{
					name: 'Identifier',
					value: 'identifier',
					description: 'Your own ID of the contact, e.g. from your CRM',
				},
				{ name: 'Phone Number', value: 'phone_number' },
			],
			default: 'email',
			description: `Which unique value ${verb}`,
			displayOptions: { show: { resource: [resource], operation: [operation], ...when } },
		},
		{
			displayName: 'Email',
			name: prefixed(prefix, 'email'),
			type: 'string',
			placeholder: 'e.g. jane@example.com',
			required: true,
			default: '',
			displayOptions: show('email'),
		},
		{
			displayName: 'Phone Number',
			name: prefixed(prefix, 'phoneNumber'),
			type: 'string',
			placeholder: 'e.g. +14155550123',
			required: true,
			default: '',
			description: 'In E.164 format: + and country code, digits only',
			displayOptions: show('phone_number'),
		},
		{
			displayName: 'Identifier',
			name: prefixed(prefix, 'identifier'),
			type: 'string',
			required: true,
			default: '',
			description: 'Your own unique ID for this contact, e.g. the ID in your CRM',
			displayOptions: show('identifier'),
		},
	];
}

export interface Match {
	field: MatchField;
	value: string;
	spec: MatchSpec;
}

/** The match the fields of matchProperties (with that `prefix`) give. */
export function readMatch(context: IExecuteSingleFunctions, prefix = ''): Match {
	const field = String(
		context.getNodeParameter(prefixed(prefix, 'matchBy'), 'email'),
	) as MatchField;
	const known = MATCH_FIELDS[field] ?? MATCH_FIELDS.email;
	const spec = { ...known, parameter: prefixed(prefix, known.parameter) };
	return {
		field: MATCH_FIELDS[field] ? field : 'email',
		value: String(context.getNodeParameter(spec.parameter, '') ?? '').trim(),
		spec,
	};
}

function sameValue(field: MatchField, a: unknown, b: string): boolean {
	if (typeof a !== 'string') return false;
	return field === 'email' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** A v1 path under the credential's account, for requests made by code. */
export async function v1Path(context: IExecuteSingleFunctions, path: string): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return accountPath('v1', credentials.accountId, path);
}

/** preSend check of the match value: required, and an email / E.164 phone number where it is one. */
export function checkMatch(match: Match) {
	return checkFields({
		parameter: match.spec.parameter,
		label: match.spec.label,
		check: match.spec.check,
	});
}

/** The contact holding this value, found with an exact filter (email case-insensitively, as HueChat keeps it unique). */
export async function findContact(
	context: IExecuteSingleFunctions,
	match: Match,
): Promise<IDataObject | undefined> {
	const body = {
		payload: [
			{
				attribute_key: match.field,
				filter_operator: 'equal_to',
				values: [match.value],
				query_operator: null,
			},
		],
	};
	const answer = (await apiRequest(context, 'POST', await v1Path(context, '/contacts/filter'), {
		qs: { page: 1 },
		body,
	})) as IDataObject;
	const contacts = Array.isArray(answer?.payload) ? (answer.payload as IDataObject[]) : [];
	return contacts.find((contact) => sameValue(match.field, contact[match.field], match.value));
}

function isConflict(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '422';
}

/**
 * Creates the contact with `fields` (which must hold the match value); when another item (or workflow) created it
 * since the lookup (HueChat answers 422 "has already been taken"), that one is used: `created` says which.
 * `idempotencyKey` makes the create safe to retry.
 */
export async function createContact(
	context: IExecuteSingleFunctions,
	match: Match,
	fields: IDataObject,
	idempotencyKey: string,
): Promise<{ contact: IDataObject; created: boolean }> {
	let failure: unknown;
	try {
		const answer = (await apiRequest(context, 'POST', await v1Path(context, '/contacts'), {
			body: { ...fields, [match.field]: match.value },
			headers: { 'Idempotency-Key': idempotencyKey },
		})) as IDataObject;
		const contact = (answer?.payload as IDataObject | undefined)?.contact as
			IDataObject | undefined;
		if (contact) return { contact, created: true };
		failure = new NodeOperationError(
			context.getNode(),
			'HueChat answered the contact create without a contact',
			{ itemIndex: context.getItemIndex() },
		);
	} catch (error) {
		failure = error;
	}
	if (isConflict(failure)) {
		const raced = await findContact(context, match);
		if (raced) return { contact: raced, created: false };
	}
	throw failure instanceof NodeApiError || failure instanceof NodeOperationError
		? failure
		: new NodeOperationError(context.getNode(), failure as Error);
}

/** The contact holding the match value, created with `fields` when none exists. `created` says which. */
export async function findOrCreateContact(
	context: IExecuteSingleFunctions,
	match: Match,
	fields: IDataObject,
	idempotencyKey: string,
): Promise<{ contact: IDataObject; created: boolean }> {
	const found = await findContact(context, match);
	return found
		? { contact: found, created: false }
		: await createContact(context, match, fields, idempotencyKey);
}

/**
 * The Idempotency-Key for one of the creates a composite operation makes: the item's key (the one it would send
 * to `url`, or the user's under Options) plus what the request is for.
 */
export async function keyFor(
	context: IExecuteSingleFunctions,
	url: string,
	purpose: string,
): Promise<string> {
	const options = await addIdempotencyKey.call(context, {
		method: 'POST',
		url,
		headers: {},
	} as IHttpRequestOptions);
	const key = String((options.headers as IDataObject)['Idempotency-Key']);
	return `${key.slice(0, 240)}-${purpose}`;
}
