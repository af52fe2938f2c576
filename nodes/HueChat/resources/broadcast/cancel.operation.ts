import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { broadcastIdCheck, broadcastLocator, broadcastUrl } from './locator';

export const option: INodePropertyOptions = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a broadcast',
	description: 'Stop a scheduled or sending broadcast (fails for drafts and finished ones)',
	routing: recordRouting('POST', broadcastUrl('/cancel'), undefined, [
		checkFields(broadcastIdCheck),
	]),
};

export const properties: INodeProperties[] = [
	broadcastLocator(['cancel']),
	simplifyToggle('broadcast', ['cancel']),
];
