import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { listRouting, returnAllAndLimit } from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many AI agents',
	description: 'List the AI agents',
	routing: listRouting('GET', v2('/ai_agents'), V2_LIST),
};

export const properties: INodeProperties[] = [...returnAllAndLimit('aiAgent', 'getAll')];
