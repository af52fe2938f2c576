import type { INodeProperties } from 'n8n-workflow';

import { textField } from '../../../shared/descriptions/builders';

export const teamNameField = (required: boolean): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	...(required ? { required: true } : {}),
	default: '',
	placeholder: 'e.g. billing',
	description: 'HueChat stores it in lower case; unique in the account',
	routing: { send: { type: 'body', property: 'name' } },
});

/** The optional team fields Create and Update share, alphabetical. */
export const teamFields: INodeProperties[] = [
	{
		displayName: 'Allow Auto Assign',
		name: 'allowAutoAssign',
		type: 'boolean',
		default: true,
		description: "Whether the team's conversations are assigned to its members in turn",
		routing: { send: { type: 'body', property: 'allow_auto_assign' } },
	},
	textField('Description', 'description', 'description'),
];
