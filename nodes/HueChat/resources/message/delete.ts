import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../../shared/descriptions/builders';
import { conversationLocator } from '../conversation/locator';
import { messageIdField } from './updateStatus';

export const messageDeleteDescription: INodeProperties[] = [
	conversationLocator('message', ['delete']),
	messageIdField(['delete']),
	simplifyToggle('message', ['delete']),
];
