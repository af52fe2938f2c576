import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	simplifyToggle,
	listRouting,
} from '../../../shared/descriptions/builders';
import {
	CONTACT_FILTER_ATTRIBUTES,
	filterProperties,
	buildFilterBody,
} from '../../../shared/descriptions/filterConditions';
import { v1 } from '../../../shared/transport/api';

export const option: INodePropertyOptions = {
	name: 'Filter',
	value: 'filter',
	action: 'Filter contacts',
	description:
		'Find contacts matching conditions on name, email, phone, identifier, location, labels, dates or custom attributes',
	routing: listRouting(
		'POST',
		v1('/contacts/filter'),
		{ style: 'pages', root: 'payload', pageSize: 15, total: 'meta.count' },
		[buildFilterBody(CONTACT_FILTER_ATTRIBUTES)],
	),
};

export const properties: INodeProperties[] = [
	...filterProperties('contact', 'filter', CONTACT_FILTER_ATTRIBUTES),
	...returnAllAndLimit('contact', 'filter'),
	simplifyToggle('contact', ['filter']),
];
