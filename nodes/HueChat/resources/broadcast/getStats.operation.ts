import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { broadcastIdCheck, broadcastLocator, broadcastUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Stats',
	value: 'getStats',
	action: 'Get the stats of a broadcast',
	description: 'Recipients, sent, delivered, read, replied and failed counts',
	routing: recordRouting('GET', broadcastUrl('/stats'), undefined, [checkFields(broadcastIdCheck)]),
};

export const properties: INodeProperties[] = [broadcastLocator(['getStats'])];
