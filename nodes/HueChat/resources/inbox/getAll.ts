import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyToggle } from '../../../shared/descriptions/builders';

export const inboxGetAllDescription: INodeProperties[] = [...returnAllAndLimit('inbox', 'getAll'), simplifyToggle('inbox', ['getAll'])];
