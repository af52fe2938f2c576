import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { broadcastIdCheck, broadcastLocator, broadcastUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Send Now',
	value: 'send',
	action: 'Send a broadcast now',
	description:
		'Start sending a draft or scheduled broadcast (fails when it was already sent or cancelled)',
	routing: recordRouting('POST', broadcastUrl('/send'), undefined, [checkFields(broadcastIdCheck)]),
};

export const properties: INodeProperties[] = [
	broadcastLocator(['send']),
	simplifyToggle('broadcast', ['send']),
];
