import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { customAttributeCreateDescription } from './create';
import { customAttributeDeleteDescription } from './delete';
import { checkDefinition } from './fields';
import { customAttributeGetDescription } from './get';
import { customAttributeGetAllDescription } from './getAll';
import { customAttributeIdCheck } from './locator';
import { customAttributeUpdateDescription, customAttributeUpdateFieldNames } from './update';

const byId = v1('/custom_attribute_definitions/{{$parameter.customAttributeId}}');

export const customAttributeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customAttribute'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a custom attribute',
				description: 'Define a custom attribute for contacts or conversations',
				routing: recordRouting('POST', v1('/custom_attribute_definitions'), undefined, [
					checkFields({ parameter: 'displayName', label: 'Display Name', check: 'notBlank' }, { parameter: 'key', label: 'Key', check: 'notBlank' }),
					checkDefinition('attributeValues', 'additionalFields.regexPattern', true),
					dropEmptyBodyFields,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a custom attribute',
				description: 'Delete a custom attribute definition (values already stored stay)',
				routing: deleteRouting(byId, [checkFields(customAttributeIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a custom attribute',
				description: 'Get a custom attribute definition by ID',
				routing: recordRouting('GET', byId, undefined, [checkFields(customAttributeIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many custom attributes',
				description: 'List the custom attribute definitions of contacts, conversations or both',
				routing: listRouting('GET', v1('/custom_attribute_definitions'), { style: 'whole' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a custom attribute',
				description: 'Change the fields you set',
				routing: recordRouting('PATCH', byId, undefined, [
					checkFields(customAttributeIdCheck),
					requireSomeField('updateFields', customAttributeUpdateFieldNames),
					checkDefinition('updateFields.attributeValues', 'updateFields.regexPattern', false),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...customAttributeCreateDescription,
	...customAttributeGetDescription,
	...customAttributeGetAllDescription,
	...customAttributeUpdateDescription,
	...customAttributeDeleteDescription,
];
