import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { inboxLocator, inboxUrl, inboxIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an inbox',
	description: 'Delete an inbox with its conversations',
	routing: deleteRouting(inboxUrl, [checkFields(inboxIdCheck)]),
};

export const properties: INodeProperties[] = [inboxLocator(['delete'])];
