import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { agentLocator, agentIdCheck, agentUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an agent',
	description: 'Remove an agent from the account, its teams and inboxes; their conversations become unassigned',
	routing: deleteRouting(agentUrl, [checkFields(agentIdCheck)]),
};

export const properties: INodeProperties[] = [agentLocator(['delete'])];
