import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions/builders';
import { ATTRIBUTE_MODELS } from './fields';

export const customAttributeGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('customAttribute', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
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
