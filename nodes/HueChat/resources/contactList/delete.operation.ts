import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { contactListUrl, contactListIdCheck, contactListLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a contact list',
	description: 'Delete the list; its contacts stay',
	routing: deleteRouting(contactListUrl(), [checkFields(contactListIdCheck)]),
};

export const properties: INodeProperties[] = [
	contactListLocator(['delete']),
];
