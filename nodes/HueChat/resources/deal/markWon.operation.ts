import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { dealUrl, dealIdCheck, dealLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Mark Won',
	value: 'markWon',
	action: 'Mark a deal as won',
	description: 'Close an open deal as won',
	routing: recordRouting('POST', dealUrl('/won'), undefined, [checkFields(dealIdCheck)]),
};

export const properties: INodeProperties[] = [
	dealLocator(['markWon']),
	simplifyToggle('deal', ['markWon']),
];
