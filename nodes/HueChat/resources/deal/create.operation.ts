import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	createOptions,
	simplifyToggle,
	idempotentCreateRouting,
	showFor,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { dropEmptyBodyFields } from '../../../shared/validation/checks';
import { byName, dealCreateChecks, dealFields, dealRecordFields, externalIdField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a deal',
	description: 'Create a deal in a stage of a pipeline',
	routing: idempotentCreateRouting(v2('/deals'), undefined, [
		dealCreateChecks('dealFields'),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	...dealRecordFields('create'),
	{
		...collectionHead('additionalFields', 'deal', 'create'),
		displayOptions: showFor('deal', ['create']),
		options: [...dealFields, externalIdField].sort(byName),
	},
	simplifyToggle('deal', ['create']),
	createOptions('deal', 'create'),
];
