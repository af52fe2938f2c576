import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { listRouting, returnAllAndLimit } from '../../../shared/descriptions/builders';
import { contactSubpath, checkContactId, contactLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Contactable Inboxes',
	value: 'getContactableInboxes',
	action: 'Get the inboxes that can reach a contact',
	description: 'List the inboxes a contact can be messaged through, with its source ID in each',
	routing: listRouting(
		'GET',
		contactSubpath('/contactable_inboxes'),
		{ style: 'whole', root: 'payload' },
		[checkContactId],
	),
};

export const properties: INodeProperties[] = [
	contactLocator(['getContactableInboxes']),
	...returnAllAndLimit('contact', 'getContactableInboxes'),
];
