import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { teamFields, teamNameField } from './fields';

const show = showFor('team', ['create']);

export const teamCreateDescription: INodeProperties[] = [
	{ ...teamNameField(true), displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: teamFields,
	},
];
