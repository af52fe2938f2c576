import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { recordRouting } from '../../../shared/descriptions/builders';
import { checkFields } from '../../../shared/validation/checks';
import { teamLocator, teamUrl, teamIdCheck } from './locator';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a team',
	description: 'Get a team by ID',
	routing: recordRouting('GET', teamUrl, undefined, [checkFields(teamIdCheck)]),
};

export const properties: INodeProperties[] = [teamLocator(['get'])];
