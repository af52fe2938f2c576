import type { INodeProperties } from 'n8n-workflow';

import { showFor, simplifyToggle } from '../../../shared/descriptions/builders';
import { conversationLocator } from './locator';
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

export const conversationUpdateDescription: INodeProperties[] = [
	conversationLocator('conversation', ['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('conversation', ['update']),
		options: conversationUpdateFields,
	},
	simplifyToggle('conversation', ['update']),
];
