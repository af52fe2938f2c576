import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	idField,
	returnAllAndLimit,
	showFor,
	simplifyToggle,
	textField,
	listRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many templates',
	description: 'List message templates, 100 a request, following the pages for you',
	routing: listRouting('GET', v2('/templates'), V2_LIST),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('template', 'getAll'),
	{
		...collectionHead('filters'),
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
			idField('Inbox ID', 'inboxId', 'inbox_id', 'query'),
			textField('Language', 'language', 'language', 'query', {
				placeholder: 'e.g. en_US',
				description: 'Exact language code',
			}),
			textField('Name', 'name', 'name', 'query', {
				placeholder: 'e.g. order_update',
				description: 'Exact template name',
			}),
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
