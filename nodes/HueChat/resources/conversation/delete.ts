import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator } from './locator';

export const conversationDeleteDescription: INodeProperties[] = [conversationLocator('conversation', ['delete'])];
