import type { INodeProperties } from 'n8n-workflow';

import { showFor, simplifyToggle } from '../../../shared/descriptions';
import { channelSettingFields, inboxSettingFields } from './fields';
import { inboxLocator } from './locator';

// alphabetical, as n8n's guidelines want
const updateFields: INodeProperties[] = ([
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'name' } },
	},
	...inboxSettingFields,
	...channelSettingFields(),
	{
		displayName: 'Website URL',
		name: 'websiteUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://www.example.com',
		description: 'Website inboxes: the site the widget runs on',
		routing: { send: { type: 'body', property: 'channel.website_url' } },
	},
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
