import type { INodeProperties } from 'n8n-workflow';

import { cannedResponseLocator } from './locator';

export const cannedResponseDeleteDescription: INodeProperties[] = [cannedResponseLocator(['delete'])];
