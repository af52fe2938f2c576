import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { labelLocator, labelUrl, labelIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a label',
	description: 'Get a label by ID',
	routing: recordRouting('GET', labelUrl, undefined, [checkFields(labelIdCheck)]),
};

export const properties: INodeProperties[] = [labelLocator(['get'])];
