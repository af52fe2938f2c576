import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { labelsOutput } from '../../../shared/descriptions/labels';
import { contactSubpath, checkContactId, contactLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Labels',
	value: 'getLabels',
	action: 'Get the labels of a contact',
	description: 'List the labels of a contact',
	routing: {
		request: { method: 'GET', url: contactSubpath('/labels') },
		send: { preSend: [checkContactId] },
		output: { postReceive: [labelsOutput('contact_id', 'contactId')] },
	},
};

export const properties: INodeProperties[] = [contactLocator(['getLabels'])];
