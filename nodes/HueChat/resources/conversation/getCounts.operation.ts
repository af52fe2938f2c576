import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { conversationListFilters } from './getAll.operation';

export const option: INodePropertyOptions = {
	name: 'Get Counts',
	value: 'getCounts',
	action: 'Get conversation counts',
	description:
		'Count conversations (mine, assigned, unassigned, all) for a status, inbox, team, labels or search text',
	routing: recordRouting('GET', v1('/conversations/meta'), 'meta'),
};

export const properties: INodeProperties[] = [conversationListFilters('getCounts', false)];
