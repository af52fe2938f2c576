import type { INodeProperties } from 'n8n-workflow';

import { customAttributeLocator } from './locator';

export const customAttributeGetDescription: INodeProperties[] = [customAttributeLocator(['get'])];
