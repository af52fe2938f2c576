import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { broadcastIdCheck, broadcastLocator, broadcastUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a broadcast',
	description: 'Get a broadcast by ID',
	routing: recordRouting('GET', broadcastUrl(), undefined, [checkFields(broadcastIdCheck)]),
};

export const properties: INodeProperties[] = [
	broadcastLocator(['get']),
	simplifyToggle('broadcast', ['get']),
];
