import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, simplifyToggle } from '../../../shared/descriptions/builders';
import { BROADCAST_STATUSES } from './fields';

export const broadcastGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('broadcast', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
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
