import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyToggle, textField, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { channelSettingFields, inboxSettingFields, inboxSettingChecks } from './fields';
import { inboxLocator, inboxUrl, inboxIdCheck } from './locator';

// alphabetical, as n8n's guidelines want
const updateFields: INodeProperties[] = ([
	textField('Name', 'name', 'name'),
	...inboxSettingFields,
	...channelSettingFields(),
	textField('Website URL', 'websiteUrl', 'channel.website_url', 'body', { placeholder: 'e.g. https://www.example.com', description: 'Website inboxes: the site the widget runs on' }),
] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const inboxUpdateFieldNames = updateFields.map((field) => field.displayName);

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an inbox',
	description: 'Change the settings you set',
	routing: recordRouting('PATCH', inboxUrl, undefined, [
		checkFields(inboxIdCheck, ...inboxSettingChecks('updateFields')),
		requireSomeField('updateFields', inboxUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	inboxLocator(['update']),
	{
		...collectionHead('updateFields'),
		description: "Channel settings apply to inboxes of their channel type only (HueChat refuses the others)",
		displayOptions: showFor('inbox', ['update']),
		options: updateFields,
	},
	simplifyToggle('inbox', ['update']),
];
