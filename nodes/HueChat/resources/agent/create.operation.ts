import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	showFor,
	recordRouting,
	collectionHead,
	textField,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { agentFields } from './fields';

const show = showFor('agent', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an agent',
	description:
		'Invite someone to the account as an agent (an existing HueChat user is added directly)',
	routing: recordRouting('POST', v1('/agents'), undefined, [
		checkFields({ parameter: 'email', label: 'Email', check: 'email' }),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	textField('Email', 'email', 'email', 'body', {
		placeholder: 'e.g. jane@example.com',
		required: true,
		description: 'HueChat sends the invitation here',
		displayOptions: show,
	}),
	{
		...collectionHead('additionalFields', 'agent', 'create'),
		displayOptions: show,
		options: agentFields,
	},
];
