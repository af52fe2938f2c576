import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	createOptions,
	simplifyToggle,
	idLocator,
	showFor,
	idempotentCreateRouting,
	collectionHead,
	textField,
	fieldsOrJsonChoice,
} from '../../../shared/descriptions/builders';
import { templateFields } from '../../../shared/templates/fields';
import { v2 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { AS_NUMBER, ISO_DATE } from '../../../shared/validation/inputExpressions';
import { audienceJson, audienceRows, templateVariableRows, buildBroadcastCreate } from './fields';

const show = showFor('broadcast', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a broadcast',
	description:
		'Create a draft (or, with Scheduled At, a scheduled) broadcast of an approved template',
	routing: idempotentCreateRouting(v2('/broadcasts'), undefined, [
		checkFields(
			{ parameter: 'broadcastName', label: 'Name', check: 'notBlank' },
			{ parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' },
			{ parameter: 'templateId', label: 'Template', check: 'uuid' },
			{ parameter: 'broadcastFields.scheduledAt', label: 'Scheduled At', check: 'date' },
		),
		dropEmptyBodyFields,
		buildBroadcastCreate,
	]),
};

export const properties: INodeProperties[] = [
	textField('Name', 'broadcastName', 'name', 'body', {
		required: true,
		placeholder: 'e.g. Spring sale 2026',
		displayOptions: show,
	}),
	{
		...idLocator(
			{
				name: 'inboxId',
				displayName: 'Inbox',
				searchMethod: 'searchInboxes',
				description: 'The WhatsApp inbox that sends the broadcast',
			},
			show,
		),
		routing: { send: { type: 'body', property: 'inbox_id', value: AS_NUMBER } },
	},
	...templateFields(show, {
		required: true,
		scope: 'body',
		description:
			'An approved template of that inbox; its body variables appear below (HueChat fills them per contact when a value holds {{contact.name}} and the like)',
	}).map((property) =>
		property.name === 'templateId'
			? { ...property, routing: { send: { type: 'body' as const, property: 'template_id' } } }
			: property,
	),
	fieldsOrJsonChoice('Define Audience', 'audienceInput', show),
	{
		...audienceRows,
		required: true,
		// n8n flags an empty Audience like the required fields above. Not in Update Fields: n8n checks a collection's
		// options even when they are not set, so there every node would be flagged.
		typeOptions: { ...audienceRows.typeOptions, minRequiredFields: 1 },
		displayOptions: {
			show: { resource: ['broadcast'], operation: ['create'], audienceInput: ['fields'] },
		},
	},
	{
		...audienceJson,
		required: true,
		displayOptions: {
			show: { resource: ['broadcast'], operation: ['create'], audienceInput: ['json'] },
		},
	},
	{
		...collectionHead('additionalFields', 'broadcast', 'create'),
		displayOptions: show,
		options: [
			{
				displayName: 'Scheduled At',
				name: 'scheduledAt',
				type: 'dateTime',
				default: '',
				description:
					'When HueChat sends it by itself (future); without it the broadcast stays a draft until Send Now',
				routing: { send: { type: 'body', property: 'scheduled_at', value: ISO_DATE } },
			},
			{
				...templateVariableRows,
				displayName: 'Template Variables by Name',
				description:
					'The older way to give variables, by name or position (1 for {{1}}); Template Variables above list them for you',
			},
		],
	},
	simplifyToggle('broadcast', ['create']),
	createOptions('broadcast'),
];
