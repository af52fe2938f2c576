import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	createOptions,
	simplifyToggle,
	idLocator,
	idempotentCreateRouting,
	showFor,
	collectionHead,
	textField,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { AS_NUMBER } from '../../../shared/validation/inputExpressions';
import { ticketFields } from './fields';

const showCreate = showFor('ticket', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket',
	description: 'Open a ticket for a contact, optionally linked to a conversation',
	routing: idempotentCreateRouting(v2('/tickets'), undefined, [
		checkFields(
			{ parameter: 'subject', label: 'Subject', check: 'notBlank' },
			{ parameter: 'contactId', label: 'Contact', check: 'positiveInteger' },
			{ parameter: 'ticketFields.dueAt', label: 'Due At', check: 'date' },
		),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	textField('Subject', 'subject', 'subject', 'body', {
		required: true,
		placeholder: 'e.g. Refund not received',
		displayOptions: showCreate,
	}),
	{
		...idLocator(
			{
				name: 'contactId',
				displayName: 'Contact',
				searchMethod: 'searchContacts',
				urlSegment: 'contacts',
				description: 'Who the ticket is for',
			},
			showCreate,
		),
		routing: { send: { type: 'body', property: 'contact_id', value: AS_NUMBER } },
	},
	{
		...collectionHead('additionalFields', 'ticket', 'create'),
		displayOptions: showCreate,
		options: ticketFields,
	},
	simplifyToggle('ticket', ['create']),
	createOptions('ticket'),
];
