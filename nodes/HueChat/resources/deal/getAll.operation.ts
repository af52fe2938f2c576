import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	idField,
	returnAllAndLimit,
	showFor,
	simplifyToggle,
	textField,
	listRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { UNIX_SECONDS, checkFields } from '../../../shared/validation/checks';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { DEAL_STATUSES, pipelinePicker, stagePicker } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many deals',
	description: 'List deals, 100 a request, following the pages for you',
	routing: listRouting('GET', v2('/deals'), V2_LIST, [
		checkFields({ parameter: 'filters.updatedSince', label: 'Updated Since', check: 'date' }),
	]),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('deal', 'getAll'),
	{
		...collectionHead('filters'),
		displayOptions: showFor('deal', ['getAll']),
		options: [
			idField('Contact ID', 'contactId', 'contact_id', 'query'),
			textField('External ID', 'externalId', 'external_id', 'query', {
				description: 'Only the deal with exactly this external ID',
			}),
			idField('Owner ID', 'ownerId', 'owner_id', 'query'),
			pipelinePicker({ routing: { send: { type: 'query', property: 'pipeline_id' } } }),
			textField('Search Text', 'q', 'q', 'query', {
				description: 'Only deals whose title contains this text',
			}),
			stagePicker(['filters.pipelineId'], {
				routing: { send: { type: 'query', property: 'stage_id' } },
			}),
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
