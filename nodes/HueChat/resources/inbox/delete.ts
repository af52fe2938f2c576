import type { INodeProperties } from 'n8n-workflow';

import { inboxLocator } from './locator';

export const inboxDeleteDescription: INodeProperties[] = [inboxLocator(['delete'])];
