import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	listRouting,
	returnAllAndLimit,
	showFor,
	simplifyToggle,
} from '../../../shared/descriptions/builders';
import { contactSubpath, checkContactId, contactLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Conversations',
	value: 'getConversations',
	action: 'Get the conversations of a contact',
	description: 'List the 20 most recently active conversations of a contact',
	routing: listRouting(
		'GET',
		contactSubpath('/conversations'),
		{ style: 'whole', root: 'payload' },
		[checkContactId],
	),
};

export const properties: INodeProperties[] = [
	contactLocator(['getConversations']),
	...returnAllAndLimit('contact', 'getConversations'),
	{
		...simplifyToggle('conversation', ['getConversations']),
		displayOptions: showFor('contact', ['getConversations']),
	},
];
