import {
	idField,
	listRouting,
	queryChoice,
	textField,
} from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { UNIX_SECONDS, checkFields } from '../../../shared/validation/checks';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { DEAL_STATUSES, pipelinePicker, stagePicker } from './locator';

export const { option, properties } = getManyOperation(
	'deal',
	'Get many deals',
	'List deals, 100 a request, following the pages for you',
	listRouting('GET', v2('/deals'), V2_LIST, [
		checkFields({ parameter: 'dealFilters.updatedSince', label: 'Updated Since', check: 'date' }),
	]),
	{
		filters: [
			idField('Contact ID', 'contactId', 'contact_id', 'query'),
			textField('External ID', 'externalId', 'external_id', 'query', {
				description: 'Only the deal with exactly this external ID',
			}),
			idField('Owner ID', 'ownerId', 'owner_id', 'query'),
			pipelinePicker({ routing: { send: { type: 'query', property: 'pipeline_id' } } }),
			textField('Search Text', 'q', 'q', 'query', {
				description: 'Only deals whose title contains this text',
			}),
			stagePicker(['dealFilters.pipelineId'], {
				routing: { send: { type: 'query', property: 'stage_id' } },
			}),
			queryChoice('Status', 'status', 'open', DEAL_STATUSES),
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only deals changed at or after this time',
				routing: { send: { type: 'query', property: 'updated_since', value: UNIX_SECONDS } },
			},
		],
		simplify: true,
	},
);
