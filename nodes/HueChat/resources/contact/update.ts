import type { INodeProperties } from 'n8n-workflow';

import { showFor, simplifyToggle, textField } from '../../../shared/descriptions/builders';
import { contactFields } from './fields';
import { contactLocator } from './locator';

export const contactUpdateFieldNames = ['Name', ...contactFields.map((field) => field.displayName)];

export const contactUpdateDescription: INodeProperties[] = [
	contactLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('contact', ['update']),
		options: [
			textField('Name', 'name', 'name'),
			...contactFields,
		],
	},
	simplifyToggle('contact', ['update']),
];
