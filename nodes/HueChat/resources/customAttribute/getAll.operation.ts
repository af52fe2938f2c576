import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { ATTRIBUTE_MODELS } from './fields';

export const { option, properties } = getManyOperation(
	'customAttribute',
	'Get many custom attributes',
	'List the custom attribute definitions of contacts, conversations or both',
	listRouting('GET', v1('/custom_attribute_definitions'), { style: 'whole' }),
	{
		filters: [
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
);
