import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	showFor,
	simplifyToggle,
	listRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { BROADCAST_STATUSES } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many broadcasts',
	description: 'List broadcasts, 100 a request, following the pages for you',
	routing: listRouting('GET', v2('/broadcasts'), V2_LIST),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('broadcast', 'getAll'),
	{
		...collectionHead('filters'),
		displayOptions: showFor('broadcast', ['getAll']),
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'draft',
				options: BROADCAST_STATUSES,
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
	simplifyToggle('broadcast', ['getAll']),
];
