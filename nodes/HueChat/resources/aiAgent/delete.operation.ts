import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { aiAgentIdCheck, aiAgentLocator, aiAgentUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an AI agent',
	description: 'Delete an AI agent; its conversations go back to humans',
	routing: deleteRouting(aiAgentUrl(), [checkFields(aiAgentIdCheck)]),
};

export const properties: INodeProperties[] = [
	aiAgentLocator(['delete']),
];
