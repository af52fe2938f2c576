import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	idLocator,
	simplifyToggle,
	showFor,
	recordRouting,
	textField,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';
import { AS_NUMBER } from '../../../shared/validation/inputExpressions';
import { templateComponentFields, buildTemplateComponents } from './components';
import { TEMPLATE_CATEGORIES } from './locator';

const show = showFor('template', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a template',
	description:
		'Submit a WhatsApp message template for review (it starts pending, then is approved or rejected)',
	routing: recordRouting('POST', v2('/templates'), undefined, [
		checkFields(
			{ parameter: 'templateName', label: 'Name', check: 'notBlank' },
			{ parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' },
		),
		buildTemplateComponents,
	]),
};

export const properties: INodeProperties[] = [
	textField('Name', 'templateName', 'name', 'body', {
		required: true,
		placeholder: 'e.g. order_update',
		description: 'Lower case letters, digits and underscores; unique per inbox and language',
		displayOptions: show,
	}),
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
		...idLocator(
			{
				name: 'inboxId',
				displayName: 'Inbox',
				searchMethod: 'searchInboxes',
				description: 'The WhatsApp inbox the template is for',
			},
			show,
		),
		routing: { send: { type: 'body', property: 'inbox_id', value: AS_NUMBER } },
	},
	...templateComponentFields,
	simplifyToggle('template', ['create']),
];
