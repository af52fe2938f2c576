import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { simplifyToggle, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { inboxLocator, inboxUrl, inboxIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an inbox',
	description: 'Get an inbox by ID',
	routing: recordRouting('GET', inboxUrl, undefined, [checkFields(inboxIdCheck)]),
};

export const properties: INodeProperties[] = [inboxLocator(['get']), simplifyToggle('inbox', ['get'])];
