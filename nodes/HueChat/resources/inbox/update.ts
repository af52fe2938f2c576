import type { INodeProperties } from 'n8n-workflow';

import { showFor, simplifyToggle, textField } from '../../../shared/descriptions/builders';
import { channelSettingFields, inboxSettingFields } from './fields';
import { inboxLocator } from './locator';

// alphabetical, as n8n's guidelines want
const updateFields: INodeProperties[] = ([
	textField('Name', 'name', 'name'),
	...inboxSettingFields,
	...channelSettingFields(),
	textField('Website URL', 'websiteUrl', 'channel.website_url', 'body', { placeholder: 'e.g. https://www.example.com', description: 'Website inboxes: the site the widget runs on' }),
] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const inboxUpdateFieldNames = updateFields.map((field) => field.displayName);

export const inboxUpdateDescription: INodeProperties[] = [
	inboxLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: "Channel settings apply to inboxes of their channel type only (HueChat refuses the others)",
		displayOptions: showFor('inbox', ['update']),
		options: updateFields,
	},
	simplifyToggle('inbox', ['update']),
];
