import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { teamLocator, teamUrl, teamIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a team',
	description: 'Delete a team; its conversations keep going without a team',
	routing: deleteRouting(teamUrl, [checkFields(teamIdCheck)]),
};

export const properties: INodeProperties[] = [teamLocator(['delete'])];
