import {
	idField,
	listRouting,
	queryChoice,
	textField,
} from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from './locator';

export const { option, properties } = getManyOperation(
	'template',
	'Get many templates',
	'List message templates, 100 a request, following the pages for you',
	listRouting('GET', v2('/templates'), V2_LIST),
	{
		filters: [
			queryChoice('Category', 'category', 'utility', TEMPLATE_CATEGORIES),
			idField('Inbox ID', 'inboxId', 'inbox_id', 'query'),
			textField('Language', 'language', 'language', 'query', {
				placeholder: 'e.g. en_US',
				description: 'Exact language code',
			}),
			textField('Name', 'name', 'name', 'query', {
				placeholder: 'e.g. order_update',
				description: 'Exact template name',
			}),
			queryChoice('Status', 'status', 'approved', TEMPLATE_STATUSES),
		],
		simplify: true,
	},
);
