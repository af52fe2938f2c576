import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/api';
import { deleteRouting, idempotentCreateRouting, listRouting, recordRouting } from '../../../shared/descriptions';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation';
import { contactCreateDescription } from './create';
import { contactDeleteDescription } from './delete';
import { contactFieldChecks } from './fields';
import { contactGetDescription } from './get';
import { contactGetAllDescription } from './getAll';
import { contactSearchDescription } from './search';
import { contactUpdateDescription, contactUpdateFieldNames } from './update';

const byId = v1('/contacts/{{$parameter.contactId}}');
const contactIdCheck = { parameter: 'contactId', label: 'Contact', check: 'positiveInteger' as const };

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact (fails when the email, phone number or identifier already belongs to one)',
				routing: idempotentCreateRouting(v1('/contacts'), 'payload.contact', [
					checkFields(...contactFieldChecks('additionalFields')),
					dropEmptyBodyFields,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Delete a contact and its conversations',
				routing: deleteRouting(byId, [checkFields(contactIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get a contact by ID',
				routing: recordRouting('GET', byId, 'payload', [checkFields(contactIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts, 15 a page, following the pages for you',
				routing: listRouting('GET', v1('/contacts'), { style: 'pages', root: 'payload', pageSize: 15, total: 'meta.count' }),
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search contacts',
				description: 'Find contacts whose name, email, phone number or identifier contains the query',
				routing: listRouting('GET', v1('/contacts/search'), { style: 'hasMore', root: 'payload', hasMore: 'meta.has_more' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Change the fields you set; custom attributes are merged',
				routing: recordRouting('PUT', byId, 'payload', [
					checkFields(contactIdCheck, ...contactFieldChecks('updateFields')),
					requireSomeField('updateFields', contactUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...contactCreateDescription,
	...contactGetDescription,
	...contactGetAllDescription,
	...contactSearchDescription,
	...contactUpdateDescription,
	...contactDeleteDescription,
];
