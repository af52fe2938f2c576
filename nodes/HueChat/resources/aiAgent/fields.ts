import type { INodeProperties } from 'n8n-workflow';

import { idField, textField } from '../../../shared/descriptions/builders';
import { ID_LIST } from '../../../shared/validation/inputExpressions';

/** The optional fields Create and Update share (Update adds Name and Instructions). */
export const aiAgentFields: INodeProperties[] = [
	idField('Handoff Team ID', 'handoffTeamId', 'handoff_team_id', 'body', {
		description: 'The team that gets the conversations the agent hands over to humans',
	}),
	{
		displayName: 'Inbox IDs',
		name: 'inboxIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2, 3',
		description: 'Comma-separated IDs of the inboxes it serves (none: every inbox)',
		routing: { send: { type: 'body', property: 'inbox_ids', value: ID_LIST } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'active',
		options: [
			{ name: 'Active', value: 'active' },
			{
				name: 'Paused',
				value: 'paused',
				description: 'Pausing hands its conversations back to humans',
			},
		],
		routing: { send: { type: 'body', property: 'status' } },
	},
];

export const instructionsField: INodeProperties = {
	displayName: 'Instructions',
	name: 'instructions',
	type: 'string',
	typeOptions: { rows: 6 },
	default: '',
	placeholder:
		'e.g. You answer questions about orders and shipping. Hand over to a human for refunds.',
	description: 'What the agent does and how it answers',
	routing: { send: { type: 'body', property: 'instructions' } },
};

export const nameField: INodeProperties = textField('Name', 'name', 'name', 'body', {
	placeholder: 'e.g. Aria',
});

export const aiAgentUpdateOptions = [...aiAgentFields, instructionsField, nameField].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);
