import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	simplifyToggle,
	listRouting,
} from '../../../shared/descriptions/builders';
import {
	CONVERSATION_FILTER_ATTRIBUTES,
	filterProperties,
	buildFilterBody,
} from '../../../shared/descriptions/filterConditions';
import { v1 } from '../../../shared/transport/api';

export const option: INodePropertyOptions = {
	name: 'Filter',
	value: 'filter',
	action: 'Filter conversations',
	description:
		'Find conversations matching conditions on status, priority, assignee, inbox, team, labels, dates or custom attributes',
	routing: listRouting(
		'POST',
		v1('/conversations/filter'),
		{ style: 'pages', root: 'payload', pageSize: 25 },
		[buildFilterBody(CONVERSATION_FILTER_ATTRIBUTES)],
	),
};

export const properties: INodeProperties[] = [
	...filterProperties('conversation', 'filter', CONVERSATION_FILTER_ATTRIBUTES),
	...returnAllAndLimit('conversation', 'filter'),
	simplifyToggle('conversation', ['filter']),
];
