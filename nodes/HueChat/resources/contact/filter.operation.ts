import {
	CONTACT_FILTER_ATTRIBUTES,
	filterOperation,
} from '../../../shared/descriptions/filterConditions';
import { v1 } from '../../../shared/transport/api';

export const { option, properties } = filterOperation(
	'contact',
	'Filter contacts',
	'Find contacts matching conditions on name, email, phone, identifier, location, labels, dates or custom attributes',
	v1('/contacts/filter'),
	{ style: 'pages', root: 'payload', pageSize: 15, total: 'meta.count' },
	CONTACT_FILTER_ATTRIBUTES,
);
