import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { labelFields, labelTitleField } from './fields';

const show = showFor('label', ['create']);

export const labelCreateDescription: INodeProperties[] = [
	{ ...labelTitleField(true), displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: labelFields,
	},
];
