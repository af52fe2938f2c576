import type { INodeProperties } from 'n8n-workflow';

import { textField } from '../../../shared/descriptions/builders';

export const labelTitleField = (required: boolean): INodeProperties => ({
	displayName: 'Title',
	name: 'title',
	type: 'string',
	...(required ? { required: true } : {}),
	default: '',
	placeholder: 'e.g. follow-up',
	description:
		'Letters, digits, - and _ only; HueChat stores it in lower case. Renaming renames the label on every conversation and contact.',
	routing: { send: { type: 'body', property: 'title' } },
});

/** The optional label fields Create and Update share, alphabetical. */
export const labelSettingFields: INodeProperties[] = [
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '#1f93ff',
		routing: { send: { type: 'body', property: 'color' } },
	},
	textField('Description', 'description', 'description'),
	{
		displayName: 'Show on Sidebar',
		name: 'showOnSidebar',
		type: 'boolean',
		default: true,
		description: "Whether the label is listed in HueChat's sidebar",
		routing: { send: { type: 'body', property: 'show_on_sidebar' } },
	},
];

export const labelFieldChecks = (collection: string) => [
	{ parameter: `${collection}.color`, label: 'Color', check: 'hexColor' as const },
];
