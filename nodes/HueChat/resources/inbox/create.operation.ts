import type {
	INodePropertyOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	showFor,
	simplifyToggle,
	recordRouting,
	collectionHead,
	textField,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { refuse } from '../../../shared/validation/refusals';
import {
	CHANNEL_TYPES,
	channelSettingFields,
	inboxSettingFields,
	inboxSettingChecks,
} from './fields';

const show = showFor('inbox', ['create']);
const forChannels = (types: string[]) => ({
	show: { resource: ['inbox'], operation: ['create'], channelType: types },
});

/** The fields each channel type requires, by parameter name and label. */
const REQUIRED_CHANNEL_FIELDS: Record<string, Array<[string, string]>> = {
	web_widget: [['websiteUrl', 'Website URL']],
	email: [['channelEmail', 'Email']],
	whatsapp: [['phoneNumber', 'Phone Number']],
	sms: [['phoneNumber', 'Phone Number']],
	telegram: [['botToken', 'Bot Token']],
	line: [
		['lineChannelId', 'LINE Channel ID'],
		['lineChannelSecret', 'LINE Channel Secret'],
		['lineChannelToken', 'LINE Channel Token'],
	],
};

/** preSend: the chosen channel type's required fields are set. */
export async function checkChannelFields(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const type = String(this.getNodeParameter('channelType', ''));
	for (const [name, label] of REQUIRED_CHANNEL_FIELDS[type] ?? []) {
		if (String(this.getNodeParameter(name, '') ?? '').trim() === '') {
			refuse(
				this,
				new NodeOperationError(this.getNode(), `'${label}' is required for ${type} inboxes`, {
					itemIndex: this.getItemIndex(),
				}),
			);
		}
	}
	return options;
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an inbox',
	description:
		'Create an inbox for a channel: API, website, email, WhatsApp, SMS, Telegram or LINE',
	routing: recordRouting('POST', v1('/inboxes'), undefined, [
		checkFields(
			{ parameter: 'channelEmail', label: 'Email', check: 'email', optional: true },
			{ parameter: 'phoneNumber', label: 'Phone Number', check: 'e164', optional: true },
			...inboxSettingChecks('inboxFields'),
		),
		checkChannelFields,
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	textField('Name', 'inboxName', 'name', 'body', {
		required: true,
		placeholder: 'e.g. Support',
		displayOptions: show,
	}),
	{
		displayName: 'Channel Type',
		name: 'channelType',
		type: 'options',
		required: true,
		options: CHANNEL_TYPES,
		default: 'api',
		description: 'How contacts reach this inbox; it cannot be changed later',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'channel.type' } },
	},
	textField('Website URL', 'websiteUrl', 'channel.website_url', 'body', {
		required: true,
		placeholder: 'e.g. https://www.example.com',
		description: 'The site the chat widget runs on',
		displayOptions: forChannels(['web_widget']),
	}),
	textField('Email', 'channelEmail', 'channel.email', 'body', {
		required: true,
		placeholder: 'e.g. support@example.com',
		description: 'The address contacts write to; one inbox per address',
		displayOptions: forChannels(['email']),
	}),
	textField('Phone Number', 'phoneNumber', 'channel.phone_number', 'body', {
		required: true,
		placeholder: 'e.g. +14155550123',
		description: 'In E.164 format: + and country code, digits only; one inbox per number',
		displayOptions: forChannels(['whatsapp', 'sms']),
	}),
	{
		displayName: 'Bot Token',
		name: 'botToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The token BotFather gave the Telegram bot',
		displayOptions: forChannels(['telegram']),
		routing: { send: { type: 'body', property: 'channel.bot_token' } },
	},
	textField('LINE Channel ID', 'lineChannelId', 'channel.line_channel_id', 'body', {
		required: true,
		displayOptions: forChannels(['line']),
	}),
	{
		displayName: 'LINE Channel Secret',
		name: 'lineChannelSecret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: forChannels(['line']),
		routing: { send: { type: 'body', property: 'channel.line_channel_secret' } },
	},
	{
		displayName: 'LINE Channel Token',
		name: 'lineChannelToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: forChannels(['line']),
		routing: { send: { type: 'body', property: 'channel.line_channel_token' } },
	},
	{
		...collectionHead('additionalFields', 'inbox', 'create'),
		displayOptions: show,
		// alphabetical, as n8n's guidelines want
		options: (
			[
				...inboxSettingFields,
				...channelSettingFields((types) => ({ show: { '/channelType': types } })),
				{
					displayName: 'WhatsApp Provider',
					name: 'whatsappProvider',
					type: 'options',
					default: 'whatsapp_cloud',
					options: [
						{ name: 'WhatsApp Cloud API', value: 'whatsapp_cloud' },
						{ name: '360dialog', value: 'default' },
					],
					displayOptions: { show: { '/channelType': ['whatsapp'] } },
					routing: { send: { type: 'body', property: 'channel.provider' } },
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	simplifyToggle('inbox', ['create']),
];
