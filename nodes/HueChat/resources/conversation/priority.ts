import type { INodePropertyOptions } from 'n8n-workflow';

/** Conversation priorities; 'None' clears the priority (sent as null). */
export const CONVERSATION_PRIORITIES: INodePropertyOptions[] = [
	{ name: 'High', value: 'high' },
	{ name: 'Low', value: 'low' },
	{ name: 'Medium', value: 'medium' },
	{ name: 'None', value: 'none', description: 'No priority (clears it)' },
	{ name: 'Urgent', value: 'urgent' },
];

/** The routing value of a priority dropdown: `none` is HueChat's null. */
export const PRIORITY_VALUE = '={{ $value === "none" ? null : $value }}';
