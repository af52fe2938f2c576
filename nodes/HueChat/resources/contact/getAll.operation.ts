import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { contactSortOptions } from './sort';

export const { option, properties } = getManyOperation(
	'contact',
	'Get many contacts',
	'List contacts, 15 a page, following the pages for you',
	listRouting('GET', v1('/contacts'), {
		style: 'pages',
		root: 'payload',
		pageSize: 15,
		total: 'meta.count',
	}),
	{ after: [contactSortOptions('getAll')], simplify: true },
);
