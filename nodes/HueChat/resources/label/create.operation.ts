import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { labelSettingFields, labelTitleField, labelFieldChecks } from './fields';

const show = showFor('label', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a label',
	description: 'Create a label for conversations and contacts (its title must be unique)',
	routing: recordRouting('POST', v1('/labels'), undefined, [
		checkFields(
			{ parameter: 'title', label: 'Title', check: 'labelTitle' },
			...labelFieldChecks('labelFields'),
		),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	{ ...labelTitleField(true), displayOptions: show },
	{
		...collectionHead('additionalFields', 'label', 'create'),
		displayOptions: show,
		options: labelSettingFields,
	},
];
