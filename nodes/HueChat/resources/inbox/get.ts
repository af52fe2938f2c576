import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../../shared/descriptions';
import { inboxLocator } from './locator';

export const inboxGetDescription: INodeProperties[] = [inboxLocator(['get']), simplifyToggle('inbox', ['get'])];
