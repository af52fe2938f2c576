import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
export function resourceDescription(resource: string, defaultOperation: string, operations: Operation[]): INodeProperties[] {
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
