import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { textField } from '../../../shared/descriptions/builders';

/** The channel types an inbox can be created with (`channel.type`). */
export const CHANNEL_TYPES: INodePropertyOptions[] = [
	{
		name: 'API',
		value: 'api',
		description: 'Messages come and go through your own code (webhooks and the API)',
	},
	{ name: 'Email', value: 'email', description: 'An email address' },
	{ name: 'LINE', value: 'line', description: 'A LINE official account' },
	{ name: 'SMS', value: 'sms', description: 'A phone number for text messages' },
	{ name: 'Telegram', value: 'telegram', description: 'A Telegram bot' },
	{ name: 'Website', value: 'web_widget', description: 'The live-chat widget on a website' },
	{ name: 'WhatsApp', value: 'whatsapp', description: 'A WhatsApp Business number' },
];

/** The settings Create (Additional Fields) and Update (Update Fields) share, alphabetical. */
export const inboxSettingFields: INodeProperties[] = [
	{
		displayName: 'Allow Messages After Resolved',
		name: 'allowMessagesAfterResolved',
		type: 'boolean',
		default: true,
		description: 'Whether contacts can still write once their conversation is resolved',
		routing: { send: { type: 'body', property: 'allow_messages_after_resolved' } },
	},
	{
		displayName: 'Auto Assignment',
		name: 'enableAutoAssignment',
		type: 'boolean',
		default: true,
		description: "Whether new conversations are assigned to the inbox's agents in turn",
		routing: { send: { type: 'body', property: 'enable_auto_assignment' } },
	},
	textField('Business Name', 'businessName', 'business_name', 'body', {
		description: 'Shown to contacts as the sender when Sender Name Type is Professional',
	}),
	{
		displayName: 'CSAT Survey',
		name: 'csatSurveyEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether contacts are asked to rate the conversation once it is resolved',
		routing: { send: { type: 'body', property: 'csat_survey_enabled' } },
	},
	{
		displayName: 'Email Collection',
		name: 'enableEmailCollect',
		type: 'boolean',
		default: true,
		description: 'Whether the website widget asks visitors for their email address',
		routing: { send: { type: 'body', property: 'enable_email_collect' } },
	},
	{
		displayName: 'Greeting Enabled',
		name: 'greetingEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether the greeting message is sent when a conversation starts',
		routing: { send: { type: 'body', property: 'greeting_enabled' } },
	},
	{
		displayName: 'Greeting Message',
		name: 'greetingMessage',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		routing: { send: { type: 'body', property: 'greeting_message' } },
	},
	{
		displayName: 'Lock to Single Conversation',
		name: 'lockToSingleConversation',
		type: 'boolean',
		default: false,
		description:
			'Whether each contact keeps one conversation in this inbox instead of starting new ones',
		routing: { send: { type: 'body', property: 'lock_to_single_conversation' } },
	},
	{
		displayName: 'Out of Office Message',
		name: 'outOfOfficeMessage',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Sent outside working hours (when Working Hours Enabled is on)',
		routing: { send: { type: 'body', property: 'out_of_office_message' } },
	},
	{
		displayName: 'Sender Name Type',
		name: 'senderNameType',
		type: 'options',
		default: 'friendly',
		options: [
			{ name: 'Friendly (Agent Name)', value: 'friendly' },
			{ name: 'Professional (Business Name)', value: 'professional' },
		],
		routing: { send: { type: 'body', property: 'sender_name_type' } },
	},
	textField('Timezone', 'timezone', 'timezone', 'body', {
		placeholder: 'e.g. Europe/Berlin',
		description: 'IANA time zone of the working hours',
	}),
	{
		displayName: 'Working Hours Enabled',
		name: 'workingHoursEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether the inbox keeps working hours (set them in HueChat)',
		routing: { send: { type: 'body', property: 'working_hours_enabled' } },
	},
];

/** Optional channel settings; `showFor` limits one to its channel types on Create (Update shows them all). */
export function channelSettingFields(
	showFor?: (types: string[]) => INodeProperties['displayOptions'],
): INodeProperties[] {
	const only = (types: string[]) => (showFor ? { displayOptions: showFor(types) } : {});
	return [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/huechat',
			description: 'API inboxes: where HueChat posts the events of this inbox',
			...only(['api']),
			routing: { send: { type: 'body', property: 'channel.webhook_url' } },
		},
		{
			displayName: 'Welcome Tagline',
			name: 'welcomeTagline',
			type: 'string',
			default: '',
			description: 'Website inboxes: the line under the widget title',
			...only(['web_widget']),
			routing: { send: { type: 'body', property: 'channel.welcome_tagline' } },
		},
		{
			displayName: 'Welcome Title',
			name: 'welcomeTitle',
			type: 'string',
			default: '',
			description: 'Website inboxes: the title of the widget',
			...only(['web_widget']),
			routing: { send: { type: 'body', property: 'channel.welcome_title' } },
		},
		{
			displayName: 'Widget Color',
			name: 'widgetColor',
			type: 'color',
			default: '#1f93ff',
			description: 'Website inboxes: the color of the chat widget',
			...only(['web_widget']),
			routing: { send: { type: 'body', property: 'channel.widget_color' } },
		},
	];
}

export const inboxSettingChecks = (collection: string) => [
	{ parameter: `${collection}.timezone`, label: 'Timezone', check: 'timezone' as const },
	{ parameter: `${collection}.widgetColor`, label: 'Widget Color', check: 'hexColor' as const },
];
