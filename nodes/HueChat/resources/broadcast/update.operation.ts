import { idField, simplifyToggle, textField } from '../../../shared/descriptions/builders';
import { updateRecordOperation } from '../../../shared/descriptions/operations';
import { ISO_DATE } from '../../../shared/validation/inputExpressions';
import { audienceJson, audienceRows, templateVariableRows, buildBroadcastUpdate } from './fields';
import { broadcastRecord } from './locator';

const broadcastUpdateFieldNames = [
	'Audience',
	'Audience (JSON)',
	'Inbox ID',
	'Name',
	'Scheduled At',
	'Template',
	'Template Variables',
	'Unschedule',
];

export const { option, properties } = updateRecordOperation(
	broadcastRecord,
	'Update a broadcast',
	'Change a draft or scheduled broadcast; only the fields you set change',
	[
		audienceRows,
		{
			...audienceJson,
			description: `${String(audienceJson.description)}; used instead of 'Audience' when both are set`,
		},
		idField('Inbox ID', 'inboxId', 'inbox_id'),
		textField('Name', 'name', 'name'),
		{
			displayName: 'Scheduled At',
			name: 'scheduledAt',
			type: 'dateTime',
			default: '',
			description: 'Setting it makes the broadcast scheduled',
			routing: { send: { type: 'body', property: 'scheduled_at', value: ISO_DATE } },
		},
		{
			displayName: 'Template Name or ID',
			name: 'templateId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getApprovedTemplates' },
			default: '',
			description:
				'An approved template of the inbox. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			routing: { send: { type: 'body', property: 'template_id' } },
		},
		templateVariableRows,
		{
			displayName: 'Unschedule',
			name: 'unschedule',
			type: 'boolean',
			default: false,
			description: 'Whether to clear the schedule, making the broadcast a draft again',
		},
	],
	{
		checks: [
			{ parameter: 'broadcastUpdateFields.scheduledAt', label: 'Scheduled At', check: 'date' },
		],
		fieldNames: broadcastUpdateFieldNames,
		onBody: [buildBroadcastUpdate],
		collection: { description: 'Only draft and scheduled broadcasts can be changed' },
		after: [simplifyToggle('broadcast', ['update'])],
	},
);
