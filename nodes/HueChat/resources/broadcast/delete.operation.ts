import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { deleteRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { broadcastIdCheck, broadcastLocator, broadcastUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a broadcast',
	description: 'Delete a draft or scheduled broadcast',
	routing: deleteRouting(broadcastUrl(), [checkFields(broadcastIdCheck)]),
};

export const properties: INodeProperties[] = [
	broadcastLocator(['delete']),
];
