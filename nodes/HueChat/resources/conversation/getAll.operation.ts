import type { INodeProperties } from 'n8n-workflow';

import {
	showFor,
	textField,
	listRouting,
	collectionHead,
} from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

/** The Filters of Get Many, also used by Get Counts (whose counts ignore the assignee type, as HueChat's do). */
export function conversationListFilters(
	operation: string,
	withAssigneeType = true,
): INodeProperties {
	const filters: INodeProperties = {
		...collectionHead('filters', 'conversation', operation),
		displayOptions: showFor('conversation', [operation]),
		options: [
			{
				displayName: 'Assignee Type',
				name: 'assigneeType',
				type: 'options',
				default: 'all',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Assigned', value: 'assigned' },
					{ name: 'Mine', value: 'me' },
					{ name: 'Unassigned', value: 'unassigned' },
				],
				routing: { send: { type: 'query', property: 'assignee_type' } },
			},
			{
				displayName: 'Inbox ID',
				name: 'inboxId',
				type: 'number',
				default: 0,
				routing: { send: { type: 'query', property: 'inbox_id' } },
			},
			{
				displayName: 'Label Names',
				name: 'labels',
				type: 'string',
				default: '',
				placeholder: 'e.g. vip, billing',
				description: 'Comma-separated labels; conversations must have all of them',
				routing: {
					send: {
						type: 'query',
						property: 'labels',
						value:
							'={{ String($value).split(",").map(label => label.trim()).filter(label => label) }}',
					},
				},
			},
			textField('Search Text', 'q', 'q', 'query', {
				description: 'Only conversations whose messages or contact match this text',
			}),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'open',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Open', value: 'open' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Resolved', value: 'resolved' },
					{ name: 'Snoozed', value: 'snoozed' },
				],
				routing: { send: { type: 'query', property: 'status' } },
			},
			{
				displayName: 'Team ID',
				name: 'teamId',
				type: 'number',
				default: 0,
				routing: { send: { type: 'query', property: 'team_id' } },
			},
		],
	};
	if (!withAssigneeType)
		filters.options = (filters.options ?? []).filter((option) => option.name !== 'assigneeType');
	return filters;
}

export const { option, properties } = getManyOperation(
	'conversation',
	'Get many conversations',
	'List conversations (open ones unless a status filter is set), 25 a page',
	listRouting('GET', v1('/conversations'), {
		style: 'pages',
		root: 'data.payload',
		pageSize: 25,
	}),
	{ after: [conversationListFilters('getAll')], simplify: true },
);
