import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, simplifyToggle } from '../../../shared/descriptions/builders';
import { contactSortOptions } from './sort';

export const contactSearchDescription: INodeProperties[] = [
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane@example.com',
		description: 'Matches name, email, phone number or identifier',
		displayOptions: showFor('contact', ['search']),
		routing: { send: { type: 'query', property: 'q' } },
	},
	...returnAllAndLimit('contact', 'search'),
	contactSortOptions('search'),
	simplifyToggle('contact', ['search']),
];
