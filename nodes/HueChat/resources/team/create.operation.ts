import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { teamFields, teamNameField } from './fields';

const show = showFor('team', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a team',
	description: 'Create a team (its name is stored in lower case and must be unique)',
	routing: recordRouting('POST', v1('/teams'), undefined, [
		checkFields({ parameter: 'teamName', label: 'Name', check: 'notBlank' }),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	{ ...teamNameField(true), name: 'teamName', displayOptions: show },
	{
		...collectionHead('additionalFields', 'team', 'create'),
		displayOptions: show,
		options: teamFields,
	},
];
