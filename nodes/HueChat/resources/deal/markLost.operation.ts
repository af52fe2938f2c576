import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, showFor, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields } from '../../../shared/validation/checks';
import { dealUrl, dealIdCheck, dealLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Mark Lost',
	value: 'markLost',
	action: 'Mark a deal as lost',
	description: 'Close an open deal as lost, optionally with the reason',
	routing: recordRouting('POST', dealUrl('/lost'), undefined, [
		checkFields(dealIdCheck),
		dropEmptyBodyFields,
	]),
};

export const properties: INodeProperties[] = [
	dealLocator(['markLost']),
	{
		displayName: 'Lost Reason',
		name: 'lostReason',
		type: 'string',
		default: '',
		placeholder: 'e.g. Chose a competitor',
		displayOptions: showFor('deal', ['markLost']),
		routing: { send: { type: 'body', property: 'lost_reason' } },
	},
	simplifyToggle('deal', ['markLost']),
];
