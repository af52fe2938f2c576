import type { INodeProperties } from 'n8n-workflow';

import { textField } from '../../../shared/descriptions/builders';

/** The agent fields Create (Additional Fields) and Update (Update Fields) share, alphabetical. */
export const agentFields: INodeProperties[] = [
	{
		displayName: 'Auto Offline',
		name: 'autoOffline',
		type: 'boolean',
		default: true,
		description: 'Whether the agent shows as offline whenever they are not signed in to HueChat',
		routing: { send: { type: 'body', property: 'auto_offline' } },
	},
	{
		displayName: 'Availability',
		name: 'availability',
		type: 'options',
		default: 'online',
		options: [
			{ name: 'Busy', value: 'busy' },
			{ name: 'Offline', value: 'offline' },
			{ name: 'Online', value: 'online' },
		],
		routing: { send: { type: 'body', property: 'availability' } },
	},
	textField('Name', 'name', 'name', 'body', {
		description: 'Full name; on Create it defaults to the part of the email before the @',
	}),
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		default: 'agent',
		options: [
			{
				name: 'Administrator',
				value: 'administrator',
				description: 'Can also manage inboxes, agents, teams and settings',
			},
			{ name: 'Agent', value: 'agent', description: 'Works on conversations' },
		],
		routing: { send: { type: 'body', property: 'role' } },
	},
];
