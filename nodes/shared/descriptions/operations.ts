import type { INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import {
	collectionHead,
	deleteRouting,
	recordRouting,
	returnAllAndLimit,
	showFor,
	simplifyToggle,
} from './builders';
import { dropEmptyBodyFields, requireSomeField } from '../validation/checks';

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

/** Get Many with Return All and Limit, and nothing else to set. */
export function getManyOperation(
	resource: string,
	action: string,
	description: string,
	routing: INodePropertyOptions['routing'],
): Operation {
	return {
		option: { name: 'Get Many', value: 'getAll', action, description, routing },
		properties: returnAllAndLimit(resource, 'getAll'),
	};
}

/**
 * Update one record, picked by ID: the fields set under Update Fields are sent, at least one of them. `preSend`
 * checks run after the ID's; `collection` adds to the Update Fields collection, `after` comes after it.
 */
export function updateRecordOperation(
	kind: RecordKind,
	action: string,
	description: string,
	fields: INodeProperties[],
	{
		preSend = [],
		collection = {},
		after = [],
	}: {
		preSend?: PreSendAction[];
		collection?: Partial<INodeProperties>;
		after?: INodeProperties[];
	} = {},
): Operation {
	const routing = recordRouting('PATCH', kind.url, undefined, [
		kind.check,
		...preSend,
		requireSomeField(
			'updateFields',
			fields.map((field) => field.displayName),
		),
		dropEmptyBodyFields,
	]);
	return {
		option: { name: 'Update', value: 'update', action, description, routing },
		properties: [
			kind.picker(['update']),
			{
				...collectionHead('updateFields'),
				...collection,
				displayOptions: showFor(kind.resource, ['update']),
				options: fields,
			},
			...after,
		],
	};
}
