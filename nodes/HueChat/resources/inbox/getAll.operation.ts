import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import {
	returnAllAndLimit,
	simplifyToggle,
	listRouting,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many inboxes',
	description: 'List the inboxes of the account',
	routing: listRouting('GET', v1('/inboxes'), { style: 'whole', root: 'payload' }),
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit('inbox', 'getAll'),
	simplifyToggle('inbox', ['getAll']),
];
