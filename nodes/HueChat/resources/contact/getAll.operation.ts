import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	simplifyToggle,
	listRouting,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { contactSortOptions } from './sort';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'List contacts, 15 a page, following the pages for you',
	routing: listRouting('GET', v1('/contacts'), {
		style: 'pages',
		root: 'payload',
		pageSize: 15,
		total: 'meta.count',
	}),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('contact', 'getAll'),
	contactSortOptions('getAll'),
	simplifyToggle('contact', ['getAll']),
];
