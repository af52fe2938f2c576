import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	showFor,
	listRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { ATTRIBUTE_MODELS } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom attributes',
	description: 'List the custom attribute definitions of contacts, conversations or both',
	routing: listRouting('GET', v1('/custom_attribute_definitions'), { style: 'whole' }),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('customAttribute', 'getAll'),
	{
		...collectionHead('filters'),
		displayOptions: showFor('customAttribute', ['getAll']),
		options: [
			{
				displayName: 'Applies To',
				name: 'attributeModel',
				type: 'options',
				options: ATTRIBUTE_MODELS,
				default: 'contact_attribute',
				description: 'Only the attributes of contacts, or of conversations',
				routing: { send: { type: 'query', property: 'attribute_model' } },
			},
		],
	},
];
