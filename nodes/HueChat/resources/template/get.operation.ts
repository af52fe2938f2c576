import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { templateUrl, templateIdCheck, templateLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a template',
	description: 'Get a template by ID, with its review status',
	routing: recordRouting('GET', templateUrl, undefined, [checkFields(templateIdCheck)]),
};

export const properties: INodeProperties[] = [
	templateLocator(['get']),
	simplifyToggle('template', ['get']),
];
