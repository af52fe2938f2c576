import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { dealUrl, dealIdCheck, dealLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a deal',
	description: 'Get a deal by ID',
	routing: recordRouting('GET', dealUrl(), undefined, [checkFields(dealIdCheck)]),
};

export const properties: INodeProperties[] = [
	dealLocator(['get']),
	simplifyToggle('deal', ['get']),
];
