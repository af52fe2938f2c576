import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { customAttributeLocator, customAttributeUrl, customAttributeIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a custom attribute',
	description: 'Delete a custom attribute definition (values already stored stay)',
	routing: deleteRouting(customAttributeUrl, [checkFields(customAttributeIdCheck)]),
};

export const properties: INodeProperties[] = [customAttributeLocator(['delete'])];
