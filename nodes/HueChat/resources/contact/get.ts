import type { INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../../shared/descriptions/builders';
import { contactLocator } from './locator';

export const contactGetDescription: INodeProperties[] = [contactLocator(['get']), simplifyToggle('contact', ['get'])];
