import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, showFor, collectionHead } from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { checkIdList } from '../../../shared/validation/inputExpressions';
import { aiAgentFields, instructionsField, nameField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an AI agent',
	description: 'Create an AI agent with its instructions',
	routing: recordRouting('POST', v2('/ai_agents'), undefined, [
		checkFields(
			{ parameter: 'aiAgentName', label: 'Name', check: 'notBlank' },
			{ parameter: 'instructions', label: 'Instructions', check: 'notBlank' },
		),
		dropEmptyBodyFields,
		checkIdList('inbox_ids', 'Inbox IDs', { required: false }),
	]),
};

export const properties: INodeProperties[] = [
	{
		...nameField,
		name: 'aiAgentName',
		required: true,
		displayOptions: showFor('aiAgent', ['create']),
	},
	{ ...instructionsField, required: true, displayOptions: showFor('aiAgent', ['create']) },
	{
		...collectionHead('additionalFields', 'aiAgent', 'create'),
		displayOptions: showFor('aiAgent', ['create']),
		options: aiAgentFields,
	},
];
