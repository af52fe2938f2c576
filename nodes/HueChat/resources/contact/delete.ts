import type { INodeProperties } from 'n8n-workflow';

import { contactLocator } from './locator';

export const contactDeleteDescription: INodeProperties[] = [contactLocator(['delete'])];
