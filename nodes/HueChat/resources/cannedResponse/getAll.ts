import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, textField } from '../../../shared/descriptions/builders';

export const cannedResponseGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('cannedResponse', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('cannedResponse', ['getAll']),
		options: [
			textField('Search', 'search', 'search', 'query', { description: 'Only canned responses whose short code or content contains this text (short-code matches first)' }),
		],
	},
];
