import type { INodeProperties } from 'n8n-workflow';

import { createOptions, showFor } from '../../../shared/descriptions/builders';
import { contactFields } from './fields';

const show = showFor('contact', ['create']);

export const contactCreateDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Jane Doe',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
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
	createOptions('contact'),
];
