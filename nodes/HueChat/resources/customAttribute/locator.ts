import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The custom attribute picker: From List or By ID. */
export function customAttributeLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'customAttributeId',
			displayName: 'Custom Attribute',
			searchMethod: 'searchCustomAttributes',
			description: 'The custom attribute definition to use',
		},
		showFor('customAttribute', operations),
	);
}

export const customAttributeIdCheck = {
	parameter: 'customAttributeId',
	label: 'Custom Attribute',
	check: 'positiveInteger' as const,
};

export const customAttributeUrl = v1(
	'/custom_attribute_definitions/{{$parameter.customAttributeId}}',
);

/** What customAttribute operations on one record share: the picker, the record's URL and the ID check. */
export const customAttributeRecord: RecordKind = {
	resource: 'customAttribute',
	picker: customAttributeLocator,
	url: customAttributeUrl,
	check: checkFields(customAttributeIdCheck),
};
