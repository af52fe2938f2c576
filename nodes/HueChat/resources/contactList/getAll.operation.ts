import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';

export const { option, properties } = getManyOperation(
	'contactList',
	'Get many contact lists',
	'List the contact lists, 100 a request',
	listRouting('GET', v2('/contact_lists'), V2_LIST),
);
