import type { INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { confirmDeleted, itemsAt, listRequests, type ListShape } from '../transport/request';
import { simplifyWhenOn } from '../output/simplify';
import { addIdempotencyKey } from '../transport/idempotency';
import { DEFAULT_MAX_CONCURRENCY } from '../transport/pacing';
import { checkFields, parseJsonBody } from '../validation/checks';

/** Shows a property only for these operations of this resource. */
export function showFor(resource: string, operation: string[]) {
	return { show: { resource: [resource], operation } };
}

/** The routing of a list operation: its request, how it pages, and where its items are. */
export function listRouting(
	method: 'GET' | 'POST',
	url: string,
	shape: ListShape,
	preSend: PreSendAction[] = [],
): INodePropertyOptions['routing'] {
	return {
		request: { method, url },
		send: { preSend },
		operations: { pagination: listRequests(shape) },
		// Without a root the body itself is the list (a bare array): RoutingNode only splits arrays when no postReceive runs.
		output: { postReceive: [itemsAt(shape.root ?? '')] },
	};
}

/** The routing of a single-record operation whose record sits at `root` (`payload` on many v1 endpoints). */
export function recordRouting(
	method: 'GET' | 'POST' | 'PUT' | 'PATCH',
	url: string,
	root?: string,
	preSend: PreSendAction[] = [],
): INodePropertyOptions['routing'] {
	return {
		request: { method, url },
		send: { preSend },
		output: { postReceive: root ? [itemsAt(root)] : [] },
	};
}

/** The routing of a create that HueChat de-duplicates by Idempotency-Key. */
export function idempotentCreateRouting(
	url: string,
	root?: string,
	preSend: PreSendAction[] = [],
): INodePropertyOptions['routing'] {
	return recordRouting('POST', url, root, [...preSend, addIdempotencyKey]);
}

export function deleteRouting(
	url: string,
	preSend: PreSendAction[] = [],
): INodePropertyOptions['routing'] {
	return {
		request: { method: 'DELETE', url },
		send: { preSend },
		output: { postReceive: [confirmDeleted] },
	};
}

const checkLimit = checkFields({ parameter: 'limit', label: 'Limit', check: 'positiveInteger' });

/** Return All + Limit, as n8n's guidelines word them. */
export function returnAllAndLimit(
	resource: string,
	operation: string,
	maxLimit?: number,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: showFor(resource, [operation]),
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: {
				show: { resource: [resource], operation: [operation], returnAll: [false] },
			},
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			routing: {
				send: {
					preSend: [checkLimit],
				},
				// RoutingNode splices every item list (error items too) to maxResults: only a valid limit may reach it.
				output: {
					maxResults:
						'={{ Number.isInteger(Number($value)) && Number($value) > 0 ? Number($value) : undefined }}',
				},
			},
		},
	];
}

/** The Simplify toggle for operations answering big objects (on by default). */
/** The Simplify switch of an operation that simplifies its output itself. */
export function simplifyParameter(
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions,
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

export function simplifyToggle(resource: string, operations: string[]): INodeProperties {
	return {
		...simplifyParameter(showFor(resource, operations)),
		routing: { output: { postReceive: [simplifyWhenOn(resource)] } },
	};
}

/** The Options collection of idempotent creates: lets a user pin the Idempotency-Key. */
export function createOptions(resource: string, operation = 'create'): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(resource, [operation]),
		options: [
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description:
					'HueChat returns the first result again for a repeated key instead of creating a second record. Leave empty for a key per item and execution, which also covers retries.',
			},
		],
	};
}

type LocatorMode = NonNullable<INodeProperties['modes']>[number];

function locatorMode(
	displayName: string,
	name: 'list' | 'id' | 'url',
	extra: Partial<LocatorMode>,
): LocatorMode {
	return { displayName, name, type: name === 'list' ? 'list' : 'string', ...extra };
}

export interface LocatorSpec {
	name: string;
	displayName: string;
	/** listSearch method name. */
	searchMethod: string;
	/** Dashboard URL segment, e.g. `contacts` in /app/accounts/1/contacts/42; omit when HueChat has no page. */
	urlSegment?: string;
	description?: string;
	required?: boolean;
	/** v1 records have integer ids (the default); v2 records UUIDs. */
	idKind?: 'integer' | 'uuid';
}

const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A resource locator for a record: From List (searchable), By ID, and By URL when the dashboard has one. */
export function idLocator(
	spec: LocatorSpec,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	const uuid = spec.idKind === 'uuid';
	const idPattern = uuid ? `^\\s*${UUID_PATTERN}\\s*$` : '^\\s*[1-9]\\d*\\s*$';
	const modes: INodeProperties['modes'] = [
		locatorMode('From List', 'list', {
			typeOptions: { searchListMethod: spec.searchMethod, searchable: true },
		}),
		locatorMode('By ID', 'id', {
			placeholder: uuid ? 'e.g. 3f2b8c1e-6d4a-4f1b-9c2e-7a5d1e0b4c9f' : 'e.g. 42',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: idPattern,
						errorMessage: uuid
							? 'Must be a UUID such as 3f2b8c1e-6d4a-4f1b-9c2e-7a5d1e0b4c9f'
							: 'Must be a positive whole number',
					},
				},
			],
		}),
	];
	if (spec.urlSegment) {
		const regex = `https?://.+/app/accounts/\\d+/${spec.urlSegment}/(${uuid ? UUID_PATTERN : '\\d+'})`;
		modes.push(
			locatorMode('By URL', 'url', {
				placeholder: `e.g. https://app.huechat.ai/app/accounts/1/${spec.urlSegment}/42`,
				extractValue: { type: 'regex', regex },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `${regex}.*`,
							errorMessage: `Must be a HueChat ${spec.urlSegment} URL`,
						},
					},
				],
			}),
		);
	}
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		displayOptions,
		modes,
	};
}

/**
 * Extra entries of the node's "Request Options" (Settings tab). n8n adds its own (batching, proxy, timeout) to the
 * same collection when it loads a declarative node; these two are read by the shared request path.
 */
export const requestSettingsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5,
			description:
				'How often a request is tried when HueChat answers 429 or 500/502/503/504 or the connection drops (exponential backoff with jitter). Other errors are never retried.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 32 },
			default: DEFAULT_MAX_CONCURRENCY,
			description:
				"At most this many requests for the same API key at once; items beyond it wait their turn. Up to 4 run at once, more only when the key's rate limit leaves room that 4 could not use before the window resets.",
		},
	],
};

type SendTarget = 'body' | 'query';

/** A choice among `options` sent as `property` in the query, the shape of list filters such as Status. */
export function queryChoice(
	displayName: string,
	name: string,
	defaultValue: string,
	options: INodePropertyOptions[],
	property = name,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		default: defaultValue,
		options,
		routing: { send: { type: 'query', property } },
	};
}

/** An optional field sent as `property` in the body or query; the shape most Additional/Update Fields and Filters share. */
function sentField(
	type: 'string' | 'number',
	displayName: string,
	name: string,
	property: string,
	target: SendTarget,
	extra: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName,
		name,
		type,
		...(type === 'number' ? { typeOptions: { minValue: 1 }, default: 1 } : { default: '' }),
		...extra,
		routing: { send: { type: target, property } },
	};
}

/** A record ID (a positive whole number) sent as `property`. */
export function idField(
	displayName: string,
	name: string,
	property: string,
	target: SendTarget = 'body',
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return sentField('number', displayName, name, property, target, extra);
}

/** A text sent as `property`. */
export function textField(
	displayName: string,
	name: string,
	property: string,
	target: SendTarget = 'body',
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return sentField('string', displayName, name, property, target, extra);
}

/** Custom Attributes: a JSON object sent as `custom_attributes`, refused in HueChat's words when it is not one. */
export function customAttributesField(description?: string): INodeProperties {
	return {
		displayName: 'Custom Attributes',
		name: 'customAttributes',
		type: 'json',
		default: '{}',
		...(description ? { description } : {}),
		routing: {
			send: {
				type: 'body',
				property: 'custom_attributes',
				preSend: [parseJsonBody('custom_attributes', 'Custom Attributes')],
			},
		},
	};
}

/**
 * The collections operations group optional parameters in, by kind. Each operation names its own after its resource
 * and operation (`contactFields`, `contactUpsertFields`, `contactUpdateFields`, `dealFilters`,
 * `messageGetAllOptions`), leaving out the operation the kind is named for: n8n evaluates a parameter's expressions
 * once for every property of that name (mergeSharedProperties), so no two operations share one.
 */
const COLLECTIONS = {
	additionalFields: {
		displayName: 'Additional Fields',
		placeholder: 'Add Field',
		suffix: 'Fields',
		ownOperation: 'create',
	},
	updateFields: {
		displayName: 'Update Fields',
		placeholder: 'Add Field',
		suffix: 'UpdateFields',
		ownOperation: 'update',
	},
	filters: {
		displayName: 'Filters',
		placeholder: 'Add Filter',
		suffix: 'Filters',
		ownOperation: 'getAll',
	},
	options: {
		displayName: 'Options',
		placeholder: 'Add Option',
		suffix: 'Options',
		ownOperation: '',
	},
} as const;

export type CollectionKind = keyof typeof COLLECTIONS;

/** The name of the `kind` collection of `operation` of `resource`, e.g. `contactUpsertFields`. */
export function collectionName(kind: CollectionKind, resource: string, operation: string): string {
	const { suffix, ownOperation } = COLLECTIONS[kind];
	const named = operation === ownOperation ? '' : operation[0].toUpperCase() + operation.slice(1);
	return `${resource}${named}${suffix}`;
}

/** The head of one of those collections; the caller adds its displayOptions and options. */
export function collectionHead(kind: CollectionKind, resource: string, operation: string) {
	const { displayName, placeholder } = COLLECTIONS[kind];
	return {
		displayName,
		placeholder,
		name: collectionName(kind, resource, operation),
		type: 'collection' as const,
		default: {},
	};
}

/** "Using Fields Below" or "Using JSON": how a structured parameter (an audience, template components) is given. */
export function fieldsOrJsonChoice(
	displayName: string,
	name: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		displayOptions,
	};
}
