import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { batchRequests } from '../../../shared/transport/request';
import { checkIdList, IDS_PER_CALL, V2_LIST } from '../../../shared/validation/inputExpressions';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import {
	contactIdsField,
	contactListCreateDescription,
	contactListGetAllDescription,
	contactListGetContactsDescription,
	contactListUpdateDescription,
} from './fields';
import { contactListIdCheck, contactListLocator } from './locator';

const byId = (suffix = '') => v2(`/contact_lists/{{$parameter.contactListId}}${suffix}`);

/** Add / Remove Contacts: one call per 1,000 ids, the counts summed into one item. */
function membersRouting(method: 'POST' | 'DELETE', counts: string[]) {
	return {
		request: { method, url: byId('/contacts') },
		send: { preSend: [checkFields(contactListIdCheck), checkIdList('contact_ids', 'Contact IDs')] },
		operations: { pagination: batchRequests({ property: 'contact_ids', size: IDS_PER_CALL, sum: counts }) },
	};
}

export const contactListDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactList'] } },
		options: [
			{
				name: 'Add Contacts',
				value: 'addContacts',
				action: 'Add contacts to a contact list',
				description: 'Add any number of contacts (sent 1,000 a call); contacts already in the list are skipped',
				routing: membersRouting('POST', ['added', 'skipped']),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact list',
				description: 'Create an empty contact list (add its members with Add Contacts)',
				routing: recordRouting('POST', v2('/contact_lists'), undefined, [checkFields({ parameter: 'name', label: 'Name', check: 'notBlank' }), dropEmptyBodyFields]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact list',
				description: 'Delete the list; its contacts stay',
				routing: deleteRouting(byId(), [checkFields(contactListIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact list',
				description: 'Get a contact list by ID, with its member count',
				routing: recordRouting('GET', byId(), undefined, [checkFields(contactListIdCheck)]),
			},
			{
				name: 'Get Contacts',
				value: 'getContacts',
				action: 'Get the contacts of a contact list',
				description: 'List the members of a contact list, 100 a request',
				routing: listRouting('GET', byId('/contacts'), V2_LIST, [checkFields(contactListIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contact lists',
				description: 'List the contact lists, 100 a request',
				routing: listRouting('GET', v2('/contact_lists'), V2_LIST),
			},
			{
				name: 'Remove Contacts',
				value: 'removeContacts',
				action: 'Remove contacts from a contact list',
				description: 'Remove any number of contacts from the list (sent 1,000 a call); the contacts stay',
				routing: membersRouting('DELETE', ['removed', 'skipped']),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact list',
				description: 'Rename a contact list or change its description',
				routing: recordRouting('PATCH', byId(), undefined, [
					checkFields(contactListIdCheck),
					requireSomeField('updateFields', ['Description', 'Name']),
				]),
			},
		],
		default: 'getAll',
	},
	contactListLocator(['addContacts', 'delete', 'get', 'getContacts', 'removeContacts', 'update']),
	...contactListCreateDescription,
	contactIdsField,
	...contactListGetAllDescription,
	...contactListGetContactsDescription,
	...contactListUpdateDescription,
];
