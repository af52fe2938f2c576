import {
	CONVERSATION_FILTER_ATTRIBUTES,
	filterOperation,
} from '../../../shared/descriptions/filterConditions';
import { v1 } from '../../../shared/transport/api';

export const { option, properties } = filterOperation(
	'conversation',
	'Filter conversations',
	'Find conversations matching conditions on status, priority, assignee, inbox, team, labels, dates or custom attributes',
	v1('/conversations/filter'),
	{ style: 'pages', root: 'payload', pageSize: 25 },
	CONVERSATION_FILTER_ATTRIBUTES,
);
