import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { listRouting, returnAllAndLimit } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';
import { inboxIdCheck, inboxLocator } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get Agents',
	value: 'getAgents',
	action: 'Get the agents of an inbox',
	description: 'List the agents who are members of an inbox',
	routing: listRouting(
		'GET',
		v1('/inbox_members/{{$parameter.inboxId}}'),
		{ style: 'whole', root: 'payload' },
		[checkFields(inboxIdCheck)],
	),
};

export const properties: INodeProperties[] = [
	inboxLocator(['getAgents']),
	...returnAllAndLimit('inbox', 'getAgents'),
];
