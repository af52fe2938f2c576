import type { INodeProperties } from 'n8n-workflow';

import { labelLocator } from './locator';

export const labelGetDescription: INodeProperties[] = [labelLocator(['get'])];
