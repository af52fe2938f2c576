import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { showFor, recordRouting, collectionHead } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { contentField, shortCodeField } from './fields';
import { cannedResponseLocator, cannedResponseUrl, cannedResponseIdCheck } from './locator';

const updateFields = [contentField(false), shortCodeField(false)];

export const cannedResponseUpdateFieldNames = updateFields.map((field) => field.displayName);

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a canned response',
	description: 'Change the short code or the content',
	routing: recordRouting('PATCH', cannedResponseUrl, undefined, [
		checkFields(cannedResponseIdCheck),
		requireSomeField('updateFields', cannedResponseUpdateFieldNames),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	cannedResponseLocator(['update']),
	{
		...collectionHead('updateFields'),
		displayOptions: showFor('cannedResponse', ['update']),
		options: updateFields,
	},
];
