import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { simplifyToggle, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { conversationLocator, conversationUrl, conversationIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a conversation',
	description: 'Get a conversation by its display ID',
	routing: recordRouting('GET', conversationUrl(), undefined, [checkFields(conversationIdCheck)]),
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['get']),
	simplifyToggle('conversation', ['get']),
];
