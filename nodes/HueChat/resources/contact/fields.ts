import type { INodeProperties } from 'n8n-workflow';

import { textField, customAttributesField } from '../../../shared/descriptions/builders';

/** The contact fields Create and Update share (Update adds 'Name'). */
export const contactFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. jane@example.com',
		default: '',
		routing: { send: { type: 'body', property: 'email' } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		placeholder: 'e.g. +14155550123',
		default: '',
		description: 'In E.164 format: + and country code, digits only',
		routing: { send: { type: 'body', property: 'phone_number' } },
	},
	textField('Identifier', 'identifier', 'identifier', 'body', {
		description: 'Your own unique ID for this contact, e.g. the ID in your CRM',
	}),
	textField('Company', 'company', 'additional_attributes.company_name'),
	textField('Avatar URL', 'avatarUrl', 'avatar_url'),
	{
		displayName: 'Blocked',
		name: 'blocked',
		type: 'boolean',
		default: false,
		description: 'Whether HueChat should ignore messages from this contact',
		routing: { send: { type: 'body', property: 'blocked' } },
	},
	customAttributesField(
		'Values for the custom attributes defined in HueChat, as a JSON object; merged into the existing ones on update',
	),
];

export const contactFieldChecks = (collection: string) => [
	{ parameter: `${collection}.email`, label: 'Email', check: 'email' as const },
	{ parameter: `${collection}.phoneNumber`, label: 'Phone Number', check: 'e164' as const },
];
