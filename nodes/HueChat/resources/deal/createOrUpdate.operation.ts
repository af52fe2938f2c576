import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { createOptions, showFor } from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { addIdempotencyKey } from '../../../shared/transport/idempotency';
import { lookupForUpsert, markUpsertAction, upsertRequest } from '../../../shared/upsert/createOrUpdate';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { dealCreateChecks, dealFields, dealRecordFields, externalIdField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'createOrUpdate',
	action: 'Create or update a deal',
	description: 'Update the deal with this External ID, or create it when there is none (never a duplicate); the output adds action: created or updated',
	routing: {
		request: { method: 'POST', url: v2('/deals') },
		send: {
			preSend: [
				dealCreateChecks,
				checkFields({ parameter: 'externalId', label: 'External ID', check: 'notBlank' }),
				dropEmptyBodyFields,
				addIdempotencyKey,
				lookupForUpsert({ path: '/deals', key: 'external_id', parameter: 'externalId' }),
			],
		},
		operations: { pagination: upsertRequest },
		output: { postReceive: [markUpsertAction] },
	},
};

export const properties: INodeProperties[] = [
	{ ...externalIdField, required: true, description: `${String(externalIdField.description)}: the deal with it is updated, or created when there is none`, displayOptions: showFor('deal', ['createOrUpdate']) },
	...dealRecordFields('createOrUpdate'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('deal', ['createOrUpdate']),
		options: dealFields,
	},
	createOptions('deal', 'createOrUpdate'),
];
