import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { contactListUrl, contactListIdCheck, contactListLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact list',
	description: 'Get a contact list by ID, with its member count',
	routing: recordRouting('GET', contactListUrl(), undefined, [checkFields(contactListIdCheck)]),
};

export const properties: INodeProperties[] = [
	contactListLocator(['get']),
];
