import type { INodeProperties } from 'n8n-workflow';

import { teamLocator } from './locator';

export const teamGetDescription: INodeProperties[] = [teamLocator(['get'])];
