import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { listRouting, returnAllAndLimit } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { ticketUrl, ticketIdCheck, ticketLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Comments',
	value: 'getComments',
	action: 'Get the comments of a ticket',
	description: 'List the comments of a ticket, oldest first',
	routing: listRouting('GET', ticketUrl('/comments'), V2_LIST, [checkFields(ticketIdCheck)]),
};

export const properties: INodeProperties[] = [
	ticketLocator(['getComments']),
	...returnAllAndLimit('ticket', 'getComments'),
];
