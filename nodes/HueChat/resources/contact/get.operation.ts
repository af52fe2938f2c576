import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { simplifyToggle, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { contactLocator, contactUrl, contactIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Get a contact by ID',
	routing: recordRouting('GET', contactUrl, 'payload', [checkFields(contactIdCheck)]),
};

export const properties: INodeProperties[] = [contactLocator(['get']), simplifyToggle('contact', ['get'])];
