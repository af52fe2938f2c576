import type { INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import {
	collectionHead,
	collectionName,
	deleteRouting,
	idLocator,
	type LocatorSpec,
	recordRouting,
	returnAllAndLimit,
	showFor,
	simplifyToggle,
} from './builders';
import {
	checkFields,
	dropEmptyBodyFields,
	requireSomeField,
	type FieldCheck,
} from '../validation/checks';

/**
 * Everything about one operation, as each `<op>.operation.ts` exports it: its entry in the Operation dropdown (name,
 * value, action, description and routing) and its fields, each shown for that operation only.
 */
export interface Operation {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

/**
 * A resource's Operation dropdown, listing `operations` in the order given (alphabetical by name, as n8n's
 * guidelines want), followed by their fields.
 */
export function resourceDescription(
	resource: string,
	defaultOperation: string,
	operations: Operation[],
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: operations.map((operation) => operation.option),
			default: defaultOperation,
		},
		...operations.flatMap((operation) => operation.properties),
	];
}

/** What a resource's operations on one record share: its picker, the record's URL and the check of its ID. */
export interface RecordKind {
	resource: string;
	picker: (operations: string[]) => INodeProperties;
	url: string;
	check: PreSendAction;
}

/** A RecordKind whose picker is a standard `idLocator`, with the check of the ID it gives. */
export interface PickedRecord extends RecordKind {
	idCheck: FieldCheck;
}

/**
 * The record of `resource` at `url`, picked by the parameter `<resource>Id`: an integer ID, or a UUID where
 * `idKind` says so. Its label in errors is the picker's display name; its description defaults to
 * "The <display name> to use".
 */
export function pickedRecord(
	resource: string,
	url: string,
	locator: Omit<LocatorSpec, 'name'> & { name?: string },
): PickedRecord {
	const spec: LocatorSpec = {
		name: `${resource}Id`,
		description: `The ${locator.displayName.toLowerCase()} to use`,
		...locator,
	};
	const idCheck: FieldCheck = {
		parameter: spec.name,
		label: spec.displayName,
		check: spec.idKind === 'uuid' ? 'uuid' : 'positiveInteger',
	};
	return {
		resource,
		picker: (operations) => idLocator(spec, showFor(resource, operations)),
		url,
		check: checkFields(idCheck),
		idCheck,
	};
}

/** Delete one record, picked by ID. */
export function deleteRecordOperation(
	kind: RecordKind,
	action: string,
	description: string,
): Operation {
	return {
		option: {
			name: 'Delete',
			value: 'delete',
			action,
			description,
			routing: deleteRouting(kind.url, [kind.check]),
		},
		properties: [kind.picker(['delete'])],
	};
}

/** Get one record, picked by ID; `root` is where the record is in the answer, `simplify` offers Simplify. */
export function getRecordOperation(
	kind: RecordKind,
	action: string,
	description: string,
	{ root, simplify = false }: { root?: string; simplify?: boolean } = {},
): Operation {
	return {
		option: {
			name: 'Get',
			value: 'get',
			action,
			description,
			routing: recordRouting('GET', kind.url, root, [kind.check]),
		},
		properties: [
			kind.picker(['get']),
			...(simplify ? [simplifyToggle(kind.resource, ['get'])] : []),
		],
	};
}

/**
 * Get Many with Return All and Limit; then the Filters collection when given, the `after` fields, and
 * Simplify when `simplify` is on.
 */
export function getManyOperation(
	resource: string,
	action: string,
	description: string,
	routing: INodePropertyOptions['routing'],
	{
		filters,
		after = [],
		simplify = false,
	}: { filters?: INodeProperties[]; after?: INodeProperties[]; simplify?: boolean } = {},
): Operation {
	const filtersCollection: INodeProperties[] = filters
		? [
				{
					...collectionHead('filters', resource, 'getAll'),
					displayOptions: showFor(resource, ['getAll']),
					options: filters,
				},
			]
		: [];
	return {
		option: { name: 'Get Many', value: 'getAll', action, description, routing },
		properties: [
			...returnAllAndLimit(resource, 'getAll'),
			...filtersCollection,
			...after,
			...(simplify ? [simplifyToggle(resource, ['getAll'])] : []),
		],
	};
}

/**
 * Update one record, picked by ID: the fields set under Update Fields are sent, at least one of them. `checks` are
 * checked along with the ID, `preSend` steps run after that check, `onBody` steps once the empty fields are dropped; `fieldNames` (the fields'
 * display names unless given) are what the refusal of an empty update lists. `collection` adds to the Update
 * Fields collection, `before` and `after` come before and after it.
 */
export function updateRecordOperation(
	kind: PickedRecord,
	action: string,
	description: string,
	fields: INodeProperties[],
	{
		checks = [],
		preSend = [],
		onBody = [],
		fieldNames = fields.map((field) => field.displayName),
		collection = {},
		before = [],
		after = [],
	}: {
		checks?: FieldCheck[];
		preSend?: PreSendAction[];
		onBody?: PreSendAction[];
		fieldNames?: string[];
		collection?: Partial<INodeProperties>;
		before?: INodeProperties[];
		after?: INodeProperties[];
	} = {},
): Operation {
	const routing = recordRouting('PATCH', kind.url, undefined, [
		checks.length ? checkFields(kind.idCheck, ...checks) : kind.check,
		...preSend,
		requireSomeField(collectionName('updateFields', kind.resource, 'update'), fieldNames),
		dropEmptyBodyFields,
		...onBody,
	]);
	return {
		option: { name: 'Update', value: 'update', action, description, routing },
		properties: [
			kind.picker(['update']),
			...before,
			{
				...collectionHead('updateFields', kind.resource, 'update'),
				...collection,
				displayOptions: showFor(kind.resource, ['update']),
				options: fields,
			},
			...after,
		],
	};
}
