import type { INodeProperties } from 'n8n-workflow';

import { conversationListFilters } from './getAll';

export const conversationGetCountsDescription: INodeProperties[] = [conversationListFilters('getCounts', false)];
