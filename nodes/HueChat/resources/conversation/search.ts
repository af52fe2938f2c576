import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions/builders';

export const conversationSearchDescription: INodeProperties[] = [
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. refund',
		description: 'Text to find in the content of messages; conversations of every status are searched',
		displayOptions: showFor('conversation', ['search']),
		routing: { send: { type: 'query', property: 'q' } },
	},
	...returnAllAndLimit('conversation', 'search'),
];
