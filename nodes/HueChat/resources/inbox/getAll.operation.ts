import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const { option, properties } = getManyOperation(
	'inbox',
	'Get many inboxes',
	'List the inboxes of the account',
	listRouting('GET', v1('/inboxes'), { style: 'whole', root: 'payload' }),
	{ simplify: true },
);
