import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import { AS_NUMBER } from '../../../shared/validation/inputExpressions';
import { templateComponentFields } from './components';
import { TEMPLATE_CATEGORIES } from './locator';

const show = showFor('template', ['create']);

export const templateCreateDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_update',
		description: 'Lower case letters, digits and underscores; unique per inbox and language',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'en_US',
		placeholder: 'e.g. en_US',
		description: 'Language code, optionally with the country (en, en_US, pt_BR)',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'language' } },
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		required: true,
		default: 'utility',
		options: TEMPLATE_CATEGORIES,
		displayOptions: show,
		routing: { send: { type: 'body', property: 'category' } },
	},
	{
		...idLocator({ name: 'inboxId', displayName: 'Inbox', searchMethod: 'searchInboxes', description: 'The WhatsApp inbox the template is for' }, show),
		routing: { send: { type: 'body', property: 'inbox_id', value: AS_NUMBER } },
	},
	...templateComponentFields,
];
