import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { teamFields, teamNameField } from './fields';
import { teamLocator } from './locator';

const updateFields = [...teamFields, teamNameField(false)];

export const teamUpdateFieldNames = updateFields.map((field) => field.displayName);

export const teamUpdateDescription: INodeProperties[] = [
	teamLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('team', ['update']),
		options: updateFields,
	},
];
