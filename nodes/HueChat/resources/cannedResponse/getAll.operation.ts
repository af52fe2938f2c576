import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	showFor,
	textField,
	listRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many canned responses',
	description: 'List the canned responses, optionally only those matching a search',
	routing: listRouting('GET', v1('/canned_responses'), { style: 'whole' }),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('cannedResponse', 'getAll'),
	{
		...collectionHead('filters'),
		displayOptions: showFor('cannedResponse', ['getAll']),
		options: [
			textField('Search', 'search', 'search', 'query', {
				description:
					'Only canned responses whose short code or content contains this text (short-code matches first)',
			}),
		],
	},
];
