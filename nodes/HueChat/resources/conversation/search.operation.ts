import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, listRouting } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search conversations',
	description: 'Find conversations of any status whose messages contain a text',
	routing: listRouting('GET', v1('/conversations/search'), { style: 'pages', root: 'payload', pageSize: 25 }, [
		checkFields({ parameter: 'query', label: 'Search Query', check: 'notBlank' }),
	]),
};

export const properties: INodeProperties[] = [
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
