import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';
import { contentField, shortCodeField } from './fields';

const show = showFor('cannedResponse', ['create']);

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a canned response',
	description: 'Save a reply agents can insert by its short code',
	routing: recordRouting('POST', v1('/canned_responses'), undefined, [
		checkFields(
			{ parameter: 'shortCode', label: 'Short Code', check: 'notBlank' },
			{ parameter: 'cannedResponseContent', label: 'Content', check: 'notBlank' },
		),
	]),
};

export const properties: INodeProperties[] = [
	{ ...shortCodeField(true), displayOptions: show },
	{ ...contentField(true), name: 'cannedResponseContent', displayOptions: show },
];
