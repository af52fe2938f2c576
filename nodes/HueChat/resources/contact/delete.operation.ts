import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { contactLocator, contactUrl, contactIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a contact',
	description: 'Delete a contact and its conversations',
	routing: deleteRouting(contactUrl, [checkFields(contactIdCheck)]),
};

export const properties: INodeProperties[] = [contactLocator(['delete'])];
