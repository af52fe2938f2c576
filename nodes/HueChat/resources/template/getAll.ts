import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, simplifyToggle } from '../../../shared/descriptions';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from './locator';

export const templateGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('template', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('template', ['getAll']),
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'utility',
				options: TEMPLATE_CATEGORIES,
				routing: { send: { type: 'query', property: 'category' } },
			},
			{
				displayName: 'Inbox ID',
				name: 'inboxId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				routing: { send: { type: 'query', property: 'inbox_id' } },
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en_US',
				description: 'Exact language code',
				routing: { send: { type: 'query', property: 'language' } },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. order_update',
				description: 'Exact template name',
				routing: { send: { type: 'query', property: 'name' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'approved',
				options: TEMPLATE_STATUSES,
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
	simplifyToggle('template', ['getAll']),
];
