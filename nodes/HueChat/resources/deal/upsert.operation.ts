import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	createOptions,
	showFor,
	collectionHead,
	simplifyParameter,
} from '../../../shared/descriptions/builders';
import { simplifyWhenOn } from '../../../shared/output/simplify';
import { v2 } from '../../../shared/transport/api';
import { addIdempotencyKey } from '../../../shared/transport/idempotency';
import {
	createOrUpdate,
	createOrUpdateRequest,
	findV2ByKey,
	patchInstead,
	withAction,
} from '../../../shared/upsert/createOrUpdate';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { dealCreateChecks, dealFields, dealRecordFields, externalIdField } from './fields';

/** Create or Update of deals through the shared engine: found by External ID, the routed POST becomes a PATCH of it. */
const upsertDeal = createOrUpdate({
	readKey: async (context) => ({
		value: String(context.getNodeParameter('externalId', '') ?? '').trim(),
	}),
	serialize: { scope: '/deals' },
	find: async (context, key) => await findV2ByKey(context, '/deals', 'external_id', key.value),
	update: async (_context, options, deal) => patchInstead(options, deal),
});

export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a deal',
	// the wording n8n's lint rule asks of every upsert; the External ID field says how the deal is found
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: {
		request: { method: 'POST', url: v2('/deals') },
		send: {
			preSend: [
				dealCreateChecks('dealUpsertFields'),
				checkFields({ parameter: 'externalId', label: 'External ID', check: 'notBlank' }),
				dropEmptyBodyFields,
				addIdempotencyKey,
				upsertDeal,
			],
		},
		operations: { pagination: createOrUpdateRequest },
		// simplified first, so that the action is kept
		output: { postReceive: [simplifyWhenOn('deal'), withAction] },
	},
};

export const properties: INodeProperties[] = [
	{
		...externalIdField,
		required: true,
		description: `${String(externalIdField.description)}: the deal with it is updated, or created when there is none (never a duplicate); the output adds action: created or updated`,
		displayOptions: showFor('deal', ['upsert']),
	},
	...dealRecordFields('upsert'),
	{
		...collectionHead('additionalFields', 'deal', 'upsert'),
		displayOptions: showFor('deal', ['upsert']),
		options: dealFields,
	},
	simplifyParameter(showFor('deal', ['upsert'])),
	createOptions('deal', 'upsert'),
];
