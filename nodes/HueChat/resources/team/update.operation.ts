import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { teamFields, teamNameField } from './fields';
import { teamLocator, teamUrl, teamIdCheck } from './locator';

const updateFields = [...teamFields, teamNameField(false)];

export const teamUpdateFieldNames = updateFields.map((field) => field.displayName);

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a team',
	description: 'Change the fields you set',
	routing: recordRouting('PATCH', teamUrl, undefined, [
		checkFields(teamIdCheck),
		requireSomeField('updateFields', teamUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	teamLocator(['update']),
	{
		...collectionHead('updateFields'),
		displayOptions: showFor('team', ['update']),
		options: updateFields,
	},
];
