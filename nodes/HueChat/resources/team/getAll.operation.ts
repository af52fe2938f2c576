import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, listRouting } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many teams',
	description: 'List the teams of the account',
	routing: listRouting('GET', v1('/teams'), { style: 'whole' }),
};

export const properties: INodeProperties[] = [...returnAllAndLimit('team', 'getAll')];
