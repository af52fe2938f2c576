import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const customAttributeUrl = v1(
	'/custom_attribute_definitions/{{$parameter.customAttributeId}}',
);

/** The custom attribute picker: From List or By ID. */
export const customAttributeRecord = pickedRecord('customAttribute', customAttributeUrl, {
	displayName: 'Custom Attribute',
	searchMethod: 'searchCustomAttributes',
	description: 'The custom attribute definition to use',
});
export const { picker: customAttributeLocator, idCheck: customAttributeIdCheck } =
	customAttributeRecord;
