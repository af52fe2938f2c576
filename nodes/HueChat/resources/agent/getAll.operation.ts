import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, listRouting } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many agents',
	description: 'List the agents of the account, administrators included, by name',
	routing: listRouting('GET', v1('/agents'), { style: 'whole' }),
};

export const properties: INodeProperties[] = [...returnAllAndLimit('agent', 'getAll')];
