import type { INodeProperties } from 'n8n-workflow';

import { idField, idLocator, returnAllAndLimit, showFor, textField } from '../../../shared/descriptions/builders';
import { ID_LIST } from '../../../shared/validation/inputExpressions';

export function aiAgentLocator(operations: string[]): INodeProperties {
	return idLocator(
		{ name: 'aiAgentId', displayName: 'AI Agent', searchMethod: 'searchAiAgents', idKind: 'uuid', description: 'The AI agent to use' },
		showFor('aiAgent', operations),
	);
}

export const aiAgentIdCheck = { parameter: 'aiAgentId', label: 'AI Agent', check: 'uuid' as const };

/** The optional fields Create and Update share (Update adds Name and Instructions). */
const aiAgentFields: INodeProperties[] = [
	idField('Handoff Team ID', 'handoffTeamId', 'handoff_team_id', 'body', { description: 'The team that gets the conversations the agent hands over to humans' }),
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
			{ name: 'Paused', value: 'paused', description: 'Pausing hands its conversations back to humans' },
		],
		routing: { send: { type: 'body', property: 'status' } },
	},
];

const instructionsField: INodeProperties = {
	displayName: 'Instructions',
	name: 'instructions',
	type: 'string',
	typeOptions: { rows: 6 },
	default: '',
	placeholder: 'e.g. You answer questions about orders and shipping. Hand over to a human for refunds.',
	description: 'What the agent does and how it answers',
	routing: { send: { type: 'body', property: 'instructions' } },
};

const nameField: INodeProperties = textField('Name', 'name', 'name', 'body', { placeholder: 'e.g. Aria' });

export const aiAgentCreateDescription: INodeProperties[] = [
	{ ...nameField, required: true, displayOptions: showFor('aiAgent', ['create']) },
	{ ...instructionsField, required: true, displayOptions: showFor('aiAgent', ['create']) },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('aiAgent', ['create']),
		options: aiAgentFields,
	},
];

const updateOptions = [...aiAgentFields, instructionsField, nameField].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const aiAgentUpdateFieldNames = updateOptions.map((field) => field.displayName);

export const aiAgentUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you set change',
		displayOptions: showFor('aiAgent', ['update']),
		options: updateOptions,
	},
];

export const aiAgentGetAllDescription: INodeProperties[] = [...returnAllAndLimit('aiAgent', 'getAll')];
