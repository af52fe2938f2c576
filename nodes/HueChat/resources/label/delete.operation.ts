import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { labelLocator, labelUrl, labelIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a label',
	description: 'Delete a label',
	routing: deleteRouting(labelUrl, [checkFields(labelIdCheck)]),
};

export const properties: INodeProperties[] = [labelLocator(['delete'])];
