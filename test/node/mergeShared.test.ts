/**
 * mergeSharedProperties on the node's own properties: what the editor shows for each operation is unchanged (the
 * same fields, the same definitions, in the same order), only the number of properties drops.
 */
import { NodeHelpers, type INodeProperties, type INodeParameters } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { definedProperties, resourceProperties } from '../../nodes/HueChat/resources';
import { mergeSharedProperties } from '../../nodes/shared/descriptions/merge';

const { description } = new HueChat();
const unmerged = definedProperties;
const merged = resourceProperties;

/** Every resource and operation of the node, with each other parameter a shown field's display may depend on. */
function situations(): INodeParameters[] {
	return unmerged
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as Array<{ value: string }>).map((option) => ({
				resource: property.displayOptions!.show!.resource![0] as string,
				operation: option.value,
			})),
		);
}

/** The properties the editor shows for `parameters`, in order, without where they are shown. */
function shown(properties: INodeProperties[], parameters: INodeParameters) {
	const node = { name: 'HueChat', parameters } as never;
	return properties
		.filter((property) =>
			NodeHelpers.displayParameter(parameters, property, node, description, parameters),
		)
		.map(({ displayOptions, ...property }) => ({
			...property,
			otherConditions: { ...displayOptions?.show, resource: undefined, operation: undefined },
			hide: displayOptions?.hide,
		}));
}

describe('mergeSharedProperties', () => {
	it('every operation shows the same fields, alike and in the same order, from fewer properties', () => {
		expect(situations().length).toBeGreaterThan(100);
		for (const parameters of situations())
			expect({ parameters, fields: shown(merged, parameters) }).toEqual({
				parameters,
				fields: shown(unmerged, parameters),
			});
		expect(merged.length).toBeLessThan(unmerged.length * 0.6);
	});

	it('keeps copies apart when one property would show for an operation none of them was shown for', () => {
		const picker = (resource: string, operation: string): INodeProperties => ({
			displayName: 'Conversation',
			name: 'conversationId',
			type: 'string',
			default: '',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
		});
		const dropdown = (resource: string, operations: string[]): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			default: operations[0],
			options: operations.map((value) => ({ name: value, value })),
			displayOptions: { show: { resource: [resource] } },
		});
		const properties = [
			dropdown('conversation', ['get', 'create']),
			picker('conversation', 'get'),
			dropdown('message', ['create']),
			picker('message', 'create'),
		];
		// one property for (conversation, message) × (get, create) would show on Conversation → Create
		expect(
			mergeSharedProperties(properties).filter((p) => p.name === 'conversationId'),
		).toHaveLength(2);
		// without Conversation → Create, it is one property
		properties[0] = dropdown('conversation', ['get']);
		expect(
			mergeSharedProperties(properties).filter((p) => p.name === 'conversationId'),
		).toHaveLength(1);
	});
});
