import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	showFor,
	simplifyToggle,
	listRouting,
	textField,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { contactSortOptions } from './sort';

export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search contacts',
	description: 'Find contacts whose name, email, phone number or identifier contains the query',
	routing: listRouting('GET', v1('/contacts/search'), {
		style: 'hasMore',
		root: 'payload',
		hasMore: 'meta.has_more',
	}),
};

export const properties: INodeProperties[] = [
	textField('Search Query', 'query', 'q', 'query', {
		required: true,
		placeholder: 'e.g. jane@example.com',
		description: 'Matches name, email, phone number or identifier',
		displayOptions: showFor('contact', ['search']),
	}),
	...returnAllAndLimit('contact', 'search'),
	contactSortOptions('search'),
	simplifyToggle('contact', ['search']),
];
