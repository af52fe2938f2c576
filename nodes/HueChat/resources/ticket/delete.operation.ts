import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { ticketUrl, ticketIdCheck, ticketLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a ticket',
	description: 'Delete a ticket with its comments',
	routing: deleteRouting(ticketUrl(), [checkFields(ticketIdCheck)]),
};

export const properties: INodeProperties[] = [
	ticketLocator(['delete']),
];
