import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { aiAgentIdCheck, aiAgentLocator, aiAgentUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an AI agent',
	description: 'Get an AI agent by ID, with the conversations it answers',
	routing: recordRouting('GET', aiAgentUrl(), undefined, [checkFields(aiAgentIdCheck)]),
};

export const properties: INodeProperties[] = [
	aiAgentLocator(['get']),
];
