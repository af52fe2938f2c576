import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { listRouting, returnAllAndLimit } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { teamIdCheck, teamLocator } from './locator';
import { teamMembersUrl } from './members';

export const option: INodePropertyOptions = {
	name: 'Get Members',
	value: 'getMembers',
	action: 'Get the members of a team',
	description: 'List the agents who are members of a team',
	routing: listRouting('GET', teamMembersUrl, { style: 'whole' }, [checkFields(teamIdCheck)]),
};

export const properties: INodeProperties[] = [
	teamLocator(['getMembers']),
	...returnAllAndLimit('team', 'getMembers'),
];
