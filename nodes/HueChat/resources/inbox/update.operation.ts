import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle, textField } from '../../../shared/descriptions/builders';
import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { checkFields } from '../../../shared/validation/checks';
import { channelSettingFields, inboxSettingFields, inboxSettingChecks } from './fields';
import { inboxRecord } from './locator';

// alphabetical, as n8n's guidelines want
const updateFields: INodeProperties[] = (
	[
		textField('Name', 'name', 'name'),
		...inboxSettingFields,
		...channelSettingFields(),
		textField('Website URL', 'websiteUrl', 'channel.website_url', 'body', {
			placeholder: 'e.g. https://www.example.com',
			description: 'Website inboxes: the site the widget runs on',
		}),
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const { option, properties } = updateRecordOperation(
	inboxRecord,
	'Update an inbox',
	'Change the settings you set',
	updateFields,
	{
		preSend: [checkFields(...inboxSettingChecks('inboxUpdateFields'))],
		collection: {
			description:
				'Channel settings apply to inboxes of their channel type only (HueChat refuses the others)',
		},
		after: [simplifyToggle('inbox', ['update'])],
	},
);
