import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { templateUrl, templateIdCheck, templateLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a template',
	description: 'Delete a message template (broadcasts that still use it will fail)',
	routing: deleteRouting(templateUrl, [checkFields(templateIdCheck)]),
};

export const properties: INodeProperties[] = [
	templateLocator(['delete']),
];
