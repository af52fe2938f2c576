import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { agentFields } from './fields';
import { agentLocator, agentIdCheck, agentUrl } from './locator';

const updateFields = agentFields;

export const agentUpdateFieldNames = updateFields.map((field) => field.displayName);

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an agent',
	description: "Change an agent's name, role or availability",
	routing: recordRouting('PATCH', agentUrl, undefined, [
		checkFields(agentIdCheck),
		requireSomeField('updateFields', agentUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	agentLocator(['update']),
	{
		...collectionHead('updateFields'),
		displayOptions: showFor('agent', ['update']),
		options: updateFields,
	},
];
