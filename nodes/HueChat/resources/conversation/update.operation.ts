import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	showFor,
	simplifyToggle,
	recordRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { checkFields, requireSomeField } from '../../../shared/validation/checks';
import { conversationLocator, conversationUrl, conversationIdCheck } from './locator';
import { CONVERSATION_PRIORITIES, PRIORITY_VALUE } from './priority';

export const conversationUpdateFields: INodeProperties[] = [
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		options: CONVERSATION_PRIORITIES,
		default: 'none',
		routing: { send: { type: 'body', property: 'priority', value: PRIORITY_VALUE } },
	},
	{
		displayName: 'SLA Policy ID',
		name: 'slaPolicyId',
		type: 'number',
		default: 0,
		description: 'ID of the SLA policy to apply (HueChat plans with SLAs)',
		routing: { send: { type: 'body', property: 'sla_policy_id' } },
	},
];

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a conversation',
	description: 'Change the priority or SLA policy of a conversation',
	routing: recordRouting('PATCH', conversationUrl(), undefined, [
		checkFields(conversationIdCheck, {
			parameter: 'conversationUpdateFields.slaPolicyId',
			label: 'SLA Policy ID',
			check: 'positiveInteger',
		}),
		requireSomeField(
			'conversationUpdateFields',
			conversationUpdateFields.map((field) => field.displayName),
		),
	]),
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['update']),
	{
		...collectionHead('updateFields', 'conversation', 'update'),
		displayOptions: showFor('conversation', ['update']),
		options: conversationUpdateFields,
	},
	simplifyToggle('conversation', ['update']),
];
