import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { dealUrl, dealIdCheck, dealLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a deal',
	description: 'Delete a deal',
	routing: deleteRouting(dealUrl(), [checkFields(dealIdCheck)]),
};

export const properties: INodeProperties[] = [
	dealLocator(['delete']),
];
