import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { ticketUrl, ticketIdCheck, ticketLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket',
	description: 'Get a ticket by ID',
	routing: recordRouting('GET', ticketUrl(), undefined, [checkFields(ticketIdCheck)]),
};

export const properties: INodeProperties[] = [
	ticketLocator(['get']),
	simplifyToggle('ticket', ['get']),
];
