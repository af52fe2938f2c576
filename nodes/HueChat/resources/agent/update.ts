import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { agentFields } from './fields';
import { agentLocator } from './locator';

const updateFields = agentFields;

export const agentUpdateFieldNames = updateFields.map((field) => field.displayName);

export const agentUpdateDescription: INodeProperties[] = [
	agentLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('agent', ['update']),
		options: updateFields,
	},
];
