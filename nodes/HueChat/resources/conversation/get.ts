import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../../shared/descriptions/builders';
import { conversationLocator } from './locator';

export const conversationGetDescription: INodeProperties[] = [
	conversationLocator('conversation', ['get']),
	simplifyToggle('conversation', ['get']),
];
