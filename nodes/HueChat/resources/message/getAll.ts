import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyToggle } from '../../../shared/descriptions';
import { conversationLocator } from '../conversation/locator';

export const messageGetAllDescription: INodeProperties[] = [
	conversationLocator('message', ['getAll']),
	...returnAllAndLimit('message', 'getAll'),
	simplifyToggle('message', ['getAll']),
];
