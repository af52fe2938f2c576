import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	showFor,
	listRouting,
	textField,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search conversations',
	description: 'Find conversations of any status whose messages contain a text',
	routing: listRouting(
		'GET',
		v1('/conversations/search'),
		{ style: 'pages', root: 'payload', pageSize: 25 },
		[checkFields({ parameter: 'query', label: 'Search Query', check: 'notBlank' })],
	),
};

export const properties: INodeProperties[] = [
	textField('Search Query', 'query', 'q', 'query', {
		required: true,
		placeholder: 'e.g. refund',
		description:
			'Text to find in the content of messages; conversations of every status are searched',
		displayOptions: showFor('conversation', ['search']),
	}),
	...returnAllAndLimit('conversation', 'search'),
];
