import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, listRouting } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many labels',
	description: 'List the labels of the account',
	routing: listRouting('GET', v1('/labels'), { style: 'whole', root: 'payload' }),
};

export const properties: INodeProperties[] = [...returnAllAndLimit('label', 'getAll')];
