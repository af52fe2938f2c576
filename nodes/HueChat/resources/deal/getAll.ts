import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, simplifyToggle } from '../../../shared/descriptions';
import { UNIX_SECONDS } from '../../../shared/validation';
import { DEAL_STATUSES, pipelinePicker, stagePicker } from './locator';

export const dealGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('deal', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('deal', ['getAll']),
		options: [
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				routing: { send: { type: 'query', property: 'contact_id' } },
			},
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description: 'Only the deal with exactly this external ID',
				routing: { send: { type: 'query', property: 'external_id' } },
			},
			{
				displayName: 'Owner ID',
				name: 'ownerId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				routing: { send: { type: 'query', property: 'owner_id' } },
			},
			pipelinePicker({ routing: { send: { type: 'query', property: 'pipeline_id' } } }),
			{
				displayName: 'Search Text',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Only deals whose title contains this text',
				routing: { send: { type: 'query', property: 'q' } },
			},
			stagePicker(['filters.pipelineId'], { routing: { send: { type: 'query', property: 'stage_id' } } }),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'open',
				options: DEAL_STATUSES,
				routing: { send: { type: 'query', property: 'status' } },
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only deals changed at or after this time',
				routing: { send: { type: 'query', property: 'updated_since', value: UNIX_SECONDS } },
			},
		],
	},
	simplifyToggle('deal', ['getAll']),
];
