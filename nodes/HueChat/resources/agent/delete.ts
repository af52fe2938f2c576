import type { INodeProperties } from 'n8n-workflow';

import { agentLocator } from './locator';

export const agentDeleteDescription: INodeProperties[] = [agentLocator(['delete'])];
