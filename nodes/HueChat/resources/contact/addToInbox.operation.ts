import type {
	INodePropertyOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { idLocator, showFor, collectionHead } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { contactSubpath, contactIdCheck, contactLocator } from './locator';

/** postReceive: which contact, and the contact inbox (source ID and inbox). */
async function withContactId(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = Number(this.getNodeParameter('contactId', '', { extractValue: true }));
	return items.map((item) => ({ json: { contact_id: id, ...item.json } }));
}

export const option: INodePropertyOptions = {
	name: 'Add to Inbox',
	value: 'addToInbox',
	action: 'Add a contact to an inbox',
	description:
		'Make a contact reachable through an inbox (creates its contact inbox, e.g. its WhatsApp identity)',
	routing: {
		request: {
			method: 'POST',
			url: contactSubpath('/contact_inboxes'),
			body: { inbox_id: '={{ Number($parameter.inboxId) }}' },
		},
		send: {
			preSend: [
				checkFields(contactIdCheck, {
					parameter: 'inboxId',
					label: 'Inbox',
					check: 'positiveInteger',
				}),
				dropEmptyBodyFields,
			],
		},
		output: { postReceive: [withContactId] },
	},
};

export const properties: INodeProperties[] = [
	contactLocator(['addToInbox']),
	idLocator(
		{
			name: 'inboxId',
			displayName: 'Inbox',
			searchMethod: 'searchInboxes',
			urlSegment: 'settings/inboxes',
			description: 'The inbox to reach the contact through',
		},
		showFor('contact', ['addToInbox']),
	),
	{
		...collectionHead('additionalFields', 'contact', 'addToInbox'),
		displayOptions: showFor('contact', ['addToInbox']),
		options: [
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				description:
					"The contact's ID in the inbox's channel (e.g. a WhatsApp number without +); generated from the contact's phone number or email when empty",
				routing: { send: { type: 'body', property: 'source_id' } },
			},
		],
	},
];
