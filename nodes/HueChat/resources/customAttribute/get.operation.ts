import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { customAttributeLocator, customAttributeUrl, customAttributeIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a custom attribute',
	description: 'Get a custom attribute definition by ID',
	routing: recordRouting('GET', customAttributeUrl, undefined, [checkFields(customAttributeIdCheck)]),
};

export const properties: INodeProperties[] = [customAttributeLocator(['get'])];
