import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	createOptions,
	simplifyToggle,
	showFor,
	idempotentCreateRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { contactFields, contactFieldChecks } from './fields';

const show = showFor('contact', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a contact',
	description:
		'Create a contact (fails when the email, phone number or identifier already belongs to one)',
	routing: idempotentCreateRouting(v1('/contacts'), 'payload.contact', [
		checkFields(...contactFieldChecks('contactFields')),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'contactName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Jane Doe',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		...collectionHead('additionalFields', 'contact', 'create'),
		displayOptions: show,
		options: [
			...contactFields,
			{
				displayName: 'Inbox ID',
				name: 'inboxId',
				type: 'number',
				default: 0,
				description: 'Also make the contact reachable in this inbox (creates its contact inbox)',
				routing: { send: { type: 'body', property: 'inbox_id' } },
			},
		],
	},
	simplifyToggle('contact', ['create']),
	createOptions('contact'),
];
