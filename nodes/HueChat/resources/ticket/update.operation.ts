import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	recordRouting,
	showFor,
	simplifyToggle,
	collectionHead,
} from '../../../shared/descriptions/builders';
import {
	checkFields,
	dropEmptyBodyFields,
	requireSomeField,
} from '../../../shared/validation/checks';
import { ticketUpdateFieldNames, ticketUpdateOptions } from './fields';
import { ticketUrl, ticketIdCheck, ticketLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a ticket',
	description: 'Change the fields you set, e.g. the status (closed is final)',
	routing: recordRouting('PATCH', ticketUrl(), undefined, [
		checkFields(ticketIdCheck, { parameter: 'updateFields.dueAt', label: 'Due At', check: 'date' }),
		requireSomeField('updateFields', ticketUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	ticketLocator(['update']),
	{
		...collectionHead('updateFields'),
		description: 'Only the fields you set change; closed tickets can not be changed',
		displayOptions: showFor('ticket', ['update']),
		options: ticketUpdateOptions,
	},
	simplifyToggle('ticket', ['update']),
];
