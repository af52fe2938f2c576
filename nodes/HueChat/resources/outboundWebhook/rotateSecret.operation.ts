import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { outboundWebhookUrl, checkOutboundWebhookId, outboundWebhookLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Rotate Secret',
	value: 'rotateSecret',
	action: 'Rotate the secret of an outbound webhook',
	description:
		'Make a new signing secret (in the output); the old one keeps verifying for 24 hours',
	routing: recordRouting('POST', outboundWebhookUrl('/rotate_secret'), undefined, [
		checkOutboundWebhookId,
	]),
};

export const properties: INodeProperties[] = [outboundWebhookLocator(['rotateSecret'])];
