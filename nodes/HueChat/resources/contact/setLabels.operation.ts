import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { applyLabelMode, labelFields, labelsOutput } from '../../../shared/descriptions/labels';
import { contactSubpath, checkContactId, contactLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Set Labels',
	value: 'setLabels',
	action: 'Set the labels of a contact',
	description: 'Add labels to a contact, remove some, or replace them all',
	routing: {
		request: { method: 'POST', url: contactSubpath('/labels') },
		send: { preSend: [checkContactId, applyLabelMode] },
		output: { postReceive: [labelsOutput('contact_id', 'contactId')] },
	},
};

export const properties: INodeProperties[] = [
	contactLocator(['setLabels']),
	...labelFields('contact', 'setLabels'),
];
