import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';

/** The 'Sort' options of contact lists (HueChat sorts server-side; "-" means descending). */
export function contactSortOptions(operation: string): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		displayOptions: showFor('contact', [operation]),
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'name',
				options: [
					{ name: 'City', value: 'city' },
					{ name: 'Company', value: 'company' },
					{ name: 'Country', value: 'country' },
					{ name: 'Created At', value: 'created_at' },
					{ name: 'Email', value: 'email' },
					{ name: 'Last Activity At', value: 'last_activity_at' },
					{ name: 'Name', value: 'name' },
					{ name: 'Phone Number', value: 'phone_number' },
				],
				routing: {
					send: {
						type: 'query',
						property: 'sort',
						value: '={{ ($parameter.sort.descending ? "-" : "") + $value }}',
					},
				},
			},
			{
				displayName: 'Descending',
				name: 'descending',
				type: 'boolean',
				default: false,
				description: 'Whether to sort from Z to A (newest first for dates)',
			},
		],
	};
}
