import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../../shared/descriptions/builders';
import { inboxLocator } from './locator';

export const inboxGetDescription: INodeProperties[] = [inboxLocator(['get']), simplifyToggle('inbox', ['get'])];
