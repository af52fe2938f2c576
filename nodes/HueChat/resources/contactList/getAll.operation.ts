import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { listRouting, returnAllAndLimit } from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contact lists',
	description: 'List the contact lists, 100 a request',
	routing: listRouting('GET', v2('/contact_lists'), V2_LIST),
};

export const properties: INodeProperties[] = [...returnAllAndLimit('contactList', 'getAll')];
