import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, showFor, collectionHead } from '../../../shared/descriptions/builders';
import {
	checkFields,
	dropEmptyBodyFields,
	requireSomeField,
} from '../../../shared/validation/checks';
import { checkIdList } from '../../../shared/validation/inputExpressions';
import { aiAgentUpdateFieldNames, aiAgentUpdateOptions } from './fields';
import { aiAgentIdCheck, aiAgentLocator, aiAgentUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an AI agent',
	description: 'Change the fields you set; pausing it hands its conversations back to humans',
	routing: recordRouting('PATCH', aiAgentUrl(), undefined, [
		checkFields(aiAgentIdCheck),
		requireSomeField('updateFields', aiAgentUpdateFieldNames),
		dropEmptyBodyFields,
		checkIdList('inbox_ids', 'Inbox IDs', { required: false }),
	]),
};

export const properties: INodeProperties[] = [
	aiAgentLocator(['update']),
	{
		...collectionHead('updateFields'),
		description: 'Only the fields you set change',
		displayOptions: showFor('aiAgent', ['update']),
		options: aiAgentUpdateOptions,
	},
];
