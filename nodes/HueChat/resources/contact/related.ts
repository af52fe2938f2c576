import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { idLocator, returnAllAndLimit, showFor, simplifyToggle } from '../../../shared/descriptions/builders';
import { labelFields } from '../../../shared/descriptions/labels';
import { contactLocator } from './locator';

/** Get Conversations, Get Contactable Inboxes, Add to Inbox, Get / Set Labels: one contact and what hangs off it. */

export const contactGetConversationsDescription: INodeProperties[] = [
	contactLocator(['getConversations']),
	...returnAllAndLimit('contact', 'getConversations'),
	{ ...simplifyToggle('conversation', ['getConversations']), displayOptions: showFor('contact', ['getConversations']) },
];

export const contactGetContactableInboxesDescription: INodeProperties[] = [
	contactLocator(['getContactableInboxes']),
	...returnAllAndLimit('contact', 'getContactableInboxes'),
];

export const contactAddToInboxDescription: INodeProperties[] = [
	contactLocator(['addToInbox']),
	idLocator(
		{ name: 'inboxId', displayName: 'Inbox', searchMethod: 'searchInboxes', urlSegment: 'settings/inboxes', description: 'The inbox to reach the contact through' },
		showFor('contact', ['addToInbox']),
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
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

export const contactGetLabelsDescription: INodeProperties[] = [contactLocator(['getLabels'])];

export const contactSetLabelsDescription: INodeProperties[] = [contactLocator(['setLabels']), ...labelFields('contact', 'setLabels')];

/** postReceive of Add to Inbox: which contact, and the contact inbox (source ID and inbox). */
export async function withContactId(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const id = Number(this.getNodeParameter('contactId', '', { extractValue: true }));
	return items.map((item) => ({ json: { contact_id: id, ...item.json } }));
}
