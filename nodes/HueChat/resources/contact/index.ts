import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { itemsAt } from '../../../shared/transport/request';
import { deleteRouting, idempotentCreateRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { buildFilterBody, CONTACT_FILTER_ATTRIBUTES } from '../../../shared/descriptions/filterConditions';
import { applyLabelMode, labelsOutput } from '../../../shared/descriptions/labels';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { contactCreateDescription } from './create';
import { contactDeleteDescription } from './delete';
import { contactFieldChecks } from './fields';
import { contactFilterDescription } from './filter';
import { contactGetDescription } from './get';
import { contactGetAllDescription } from './getAll';
import { contactMergeDescription, mergeBody } from './merge';
import {
	contactAddToInboxDescription,
	contactGetContactableInboxesDescription,
	contactGetConversationsDescription,
	contactGetLabelsDescription,
	contactSetLabelsDescription,
	withContactId,
} from './related';
import { contactSearchDescription } from './search';
import { contactUpdateDescription, contactUpdateFieldNames } from './update';
import { contactUpsertDescription, upsertContact, upsertOutput } from './upsert';

const byId = v1('/contacts/{{$parameter.contactId}}');
const byIdPath = (suffix: string) => v1(`/contacts/{{$parameter.contactId}}${suffix}`);
const contactIdCheck = { parameter: 'contactId', label: 'Contact', check: 'positiveInteger' as const };
const checkId = checkFields(contactIdCheck);

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add to Inbox',
				value: 'addToInbox',
				action: 'Add a contact to an inbox',
				description: 'Make a contact reachable through an inbox (creates its contact inbox, e.g. its WhatsApp identity)',
				routing: {
					request: { method: 'POST', url: byIdPath('/contact_inboxes'), body: { inbox_id: '={{ Number($parameter.inboxId) }}' } },
					send: { preSend: [checkFields(contactIdCheck, { parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' }), dropEmptyBodyFields] },
					output: { postReceive: [withContactId] },
				},
			},
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
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a contact',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				routing: {
					request: { method: 'POST', url: v1('/contacts') },
					send: { preSend: [checkFields(...contactFieldChecks('additionalFields')), upsertContact] },
					output: { postReceive: [itemsAt('payload'), upsertOutput] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Delete a contact and its conversations',
				routing: deleteRouting(byId, [checkFields(contactIdCheck)]),
			},
			{
				name: 'Filter',
				value: 'filter',
				action: 'Filter contacts',
				description: 'Find contacts matching conditions on name, email, phone, identifier, location, labels, dates or custom attributes',
				routing: listRouting('POST', v1('/contacts/filter'), { style: 'pages', root: 'payload', pageSize: 15, total: 'meta.count' }, [
					buildFilterBody(CONTACT_FILTER_ATTRIBUTES),
				]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get a contact by ID',
				routing: recordRouting('GET', byId, 'payload', [checkFields(contactIdCheck)]),
			},
			{
				name: 'Get Contactable Inboxes',
				value: 'getContactableInboxes',
				action: 'Get the inboxes that can reach a contact',
				description: 'List the inboxes a contact can be messaged through, with its source ID in each',
				routing: listRouting('GET', byIdPath('/contactable_inboxes'), { style: 'whole', root: 'payload' }, [checkId]),
			},
			{
				name: 'Get Conversations',
				value: 'getConversations',
				action: 'Get the conversations of a contact',
				description: 'List the 20 most recently active conversations of a contact',
				routing: listRouting('GET', byIdPath('/conversations'), { style: 'whole', root: 'payload' }, [checkId]),
			},
			{
				name: 'Get Labels',
				value: 'getLabels',
				action: 'Get the labels of a contact',
				description: 'List the labels of a contact',
				routing: { request: { method: 'GET', url: byIdPath('/labels') }, send: { preSend: [checkId] }, output: { postReceive: [labelsOutput('contact_id', 'contactId')] } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts, 15 a page, following the pages for you',
				routing: listRouting('GET', v1('/contacts'), { style: 'pages', root: 'payload', pageSize: 15, total: 'meta.count' }),
			},
			{
				name: 'Merge',
				value: 'merge',
				action: 'Merge two contacts',
				description: 'Move a contact’s conversations, labels and details into another contact and delete it',
				routing: recordRouting('POST', v1('/actions/contact_merge'), undefined, [
					checkFields(
						{ parameter: 'contactId', label: 'Base Contact', check: 'positiveInteger' },
						{ parameter: 'mergeeContactId', label: 'Contact to Merge', check: 'positiveInteger' },
					),
					mergeBody,
				]),
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search contacts',
				description: 'Find contacts whose name, email, phone number or identifier contains the query',
				routing: listRouting('GET', v1('/contacts/search'), { style: 'hasMore', root: 'payload', hasMore: 'meta.has_more' }),
			},
			{
				name: 'Set Labels',
				value: 'setLabels',
				action: 'Set the labels of a contact',
				description: 'Add labels to a contact, remove some, or replace them all',
				routing: {
					request: { method: 'POST', url: byIdPath('/labels') },
					send: { preSend: [checkId, applyLabelMode] },
					output: { postReceive: [labelsOutput('contact_id', 'contactId')] },
				},
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
	...contactUpsertDescription,
	...contactFilterDescription,
	...contactGetConversationsDescription,
	...contactGetContactableInboxesDescription,
	...contactAddToInboxDescription,
	...contactGetLabelsDescription,
	...contactSetLabelsDescription,
	...contactMergeDescription,
];
