import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { deleteRouting, idempotentCreateRouting, listRouting, recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { addIdempotencyKey } from '../../../shared/transport/idempotency';
import { lookupForUpsert, markUpsertAction, upsertRequest } from '../../../shared/upsert/createOrUpdate';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { dealCreateDescription, dealFieldChecks, dealMarkLostDescription, dealUpdateDescription, dealUpdateFieldNames } from './fields';
import { dealGetAllDescription } from './getAll';
import { dealIdCheck, dealLocator } from './locator';

const byId = (suffix = '') => v2(`/deals/{{$parameter.dealId}}${suffix}`);

const createChecks = checkFields(
	{ parameter: 'title', label: 'Title', check: 'notBlank' },
	{ parameter: 'pipelineId', label: 'Pipeline', check: 'uuid' },
	{ parameter: 'stageId', label: 'Stage', check: 'uuid' },
	...dealFieldChecks('additionalFields'),
);

export const dealDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deal'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a deal',
				description: 'Create a deal in a stage of a pipeline',
				routing: idempotentCreateRouting(v2('/deals'), undefined, [createChecks, dropEmptyBodyFields]),
			},
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a deal',
				description: 'Update the deal with this External ID, or create it when there is none (never a duplicate); the output adds action: created or updated',
				routing: {
					request: { method: 'POST', url: v2('/deals') },
					send: {
						preSend: [
							createChecks,
							checkFields({ parameter: 'externalId', label: 'External ID', check: 'notBlank' }),
							dropEmptyBodyFields,
							addIdempotencyKey,
							lookupForUpsert({ path: '/deals', key: 'external_id', parameter: 'externalId' }),
						],
					},
					operations: { pagination: upsertRequest },
					output: { postReceive: [markUpsertAction] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a deal',
				description: 'Delete a deal',
				routing: deleteRouting(byId(), [checkFields(dealIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a deal',
				description: 'Get a deal by ID',
				routing: recordRouting('GET', byId(), undefined, [checkFields(dealIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many deals',
				description: 'List deals, 100 a request, following the pages for you',
				routing: listRouting('GET', v2('/deals'), V2_LIST, [checkFields({ parameter: 'filters.updatedSince', label: 'Updated Since', check: 'date' })]),
			},
			{
				name: 'Mark Lost',
				value: 'markLost',
				action: 'Mark a deal as lost',
				description: 'Close an open deal as lost, optionally with the reason',
				routing: recordRouting('POST', byId('/lost'), undefined, [checkFields(dealIdCheck), dropEmptyBodyFields]),
			},
			{
				name: 'Mark Won',
				value: 'markWon',
				action: 'Mark a deal as won',
				description: 'Close an open deal as won',
				routing: recordRouting('POST', byId('/won'), undefined, [checkFields(dealIdCheck)]),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a deal',
				description: 'Change the fields you set; a new stage must belong to the (new) pipeline',
				routing: recordRouting('PATCH', byId(), undefined, [
					checkFields(dealIdCheck, ...dealFieldChecks('updateFields'), { parameter: 'updateFields.stageId', label: 'Stage', check: 'uuid' }),
					requireSomeField('updateFields', dealUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	dealLocator(['delete', 'get', 'markLost', 'markWon', 'update']),
	...dealCreateDescription,
	simplifyToggle('deal', ['get', 'update']),
	...dealGetAllDescription,
	...dealUpdateDescription,
	...dealMarkLostDescription,
];
