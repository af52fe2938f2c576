import type { INodePropertyOptions } from 'n8n-workflow';

export const CONVERSATION_STATUSES: INodePropertyOptions[] = [
	{ name: 'Open', value: 'open' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Resolved', value: 'resolved' },
	{ name: 'Snoozed', value: 'snoozed' },
];
