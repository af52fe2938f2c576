import type { INodeProperties } from 'n8n-workflow';

import { labelFields } from '../../../shared/descriptions/labels';
import { conversationLocator } from './locator';

export const conversationGetLabelsDescription: INodeProperties[] = [conversationLocator('conversation', ['getLabels'])];

export const conversationSetLabelsDescription: INodeProperties[] = [
	conversationLocator('conversation', ['setLabels']),
	...labelFields('conversation', 'setLabels'),
];
