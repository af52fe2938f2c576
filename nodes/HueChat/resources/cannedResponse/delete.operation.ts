import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { cannedResponseLocator, cannedResponseUrl, cannedResponseIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a canned response',
	description: 'Delete a canned response',
	routing: deleteRouting(cannedResponseUrl, [checkFields(cannedResponseIdCheck)]),
};

export const properties: INodeProperties[] = [cannedResponseLocator(['delete'])];
