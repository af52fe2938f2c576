import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { deleteRouting, idempotentCreateRouting, listRouting, recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { broadcastCreateDescription } from './create';
import { buildBroadcastCreate, buildBroadcastUpdate } from './fields';
import { broadcastGetAllDescription } from './getAll';
import { broadcastIdCheck, broadcastLocator } from './locator';
import { broadcastUpdateDescription, broadcastUpdateFieldNames } from './update';

const byId = (suffix = '') => v2(`/broadcasts/{{$parameter.broadcastId}}${suffix}`);

export const broadcastDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['broadcast'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a broadcast',
				description: 'Stop a scheduled or sending broadcast (fails for drafts and finished ones)',
				routing: recordRouting('POST', byId('/cancel'), undefined, [checkFields(broadcastIdCheck)]),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a broadcast',
				description: 'Create a draft (or, with Scheduled At, a scheduled) broadcast of an approved template',
				routing: idempotentCreateRouting(v2('/broadcasts'), undefined, [
					checkFields(
						{ parameter: 'name', label: 'Name', check: 'notBlank' },
						{ parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' },
						{ parameter: 'templateId', label: 'Template', check: 'uuid' },
						{ parameter: 'additionalFields.scheduledAt', label: 'Scheduled At', check: 'date' },
					),
					dropEmptyBodyFields,
					buildBroadcastCreate,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a broadcast',
				description: 'Delete a draft or scheduled broadcast',
				routing: deleteRouting(byId(), [checkFields(broadcastIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a broadcast',
				description: 'Get a broadcast by ID',
				routing: recordRouting('GET', byId(), undefined, [checkFields(broadcastIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many broadcasts',
				description: 'List broadcasts, 100 a request, following the pages for you',
				routing: listRouting('GET', v2('/broadcasts'), V2_LIST),
			},
			{
				name: 'Get Stats',
				value: 'getStats',
				action: 'Get the stats of a broadcast',
				description: 'Recipients, sent, delivered, read, replied and failed counts',
				routing: recordRouting('GET', byId('/stats'), undefined, [checkFields(broadcastIdCheck)]),
			},
			{
				name: 'Send Now',
				value: 'send',
				action: 'Send a broadcast now',
				description: 'Start sending a draft or scheduled broadcast (fails when it was already sent or cancelled)',
				routing: recordRouting('POST', byId('/send'), undefined, [checkFields(broadcastIdCheck)]),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a broadcast',
				description: 'Change a draft or scheduled broadcast; only the fields you set change',
				routing: recordRouting('PATCH', byId(), undefined, [
					checkFields(broadcastIdCheck, { parameter: 'updateFields.scheduledAt', label: 'Scheduled At', check: 'date' }),
					requireSomeField('updateFields', broadcastUpdateFieldNames),
					dropEmptyBodyFields,
					buildBroadcastUpdate,
				]),
			},
		],
		default: 'getAll',
	},
	broadcastLocator(['cancel', 'delete', 'get', 'getStats', 'send', 'update']),
	...broadcastCreateDescription,
	...broadcastGetAllDescription,
	simplifyToggle('broadcast', ['get']),
	...broadcastUpdateDescription,
];
