import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { cannedResponseCreateDescription } from './create';
import { cannedResponseDeleteDescription } from './delete';
import { cannedResponseGetAllDescription } from './getAll';
import { cannedResponseIdCheck } from './locator';
import { cannedResponseUpdateDescription, cannedResponseUpdateFieldNames } from './update';

const byId = v1('/canned_responses/{{$parameter.cannedResponseId}}');

export const cannedResponseDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cannedResponse'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a canned response',
				description: 'Save a reply agents can insert by its short code',
				routing: recordRouting('POST', v1('/canned_responses'), undefined, [
					checkFields({ parameter: 'shortCode', label: 'Short Code', check: 'notBlank' }, { parameter: 'content', label: 'Content', check: 'notBlank' }),
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a canned response',
				description: 'Delete a canned response',
				routing: deleteRouting(byId, [checkFields(cannedResponseIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many canned responses',
				description: 'List the canned responses, optionally only those matching a search',
				routing: listRouting('GET', v1('/canned_responses'), { style: 'whole' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a canned response',
				description: 'Change the short code or the content',
				routing: recordRouting('PATCH', byId, undefined, [
					checkFields(cannedResponseIdCheck),
					requireSomeField('updateFields', cannedResponseUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...cannedResponseCreateDescription,
	...cannedResponseGetAllDescription,
	...cannedResponseUpdateDescription,
	...cannedResponseDeleteDescription,
];
