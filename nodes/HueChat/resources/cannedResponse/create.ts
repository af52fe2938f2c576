import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions/builders';
import { contentField, shortCodeField } from './fields';

const show = showFor('cannedResponse', ['create']);

export const cannedResponseCreateDescription: INodeProperties[] = [
	{ ...shortCodeField(true), displayOptions: show },
	{ ...contentField(true), displayOptions: show },
];
