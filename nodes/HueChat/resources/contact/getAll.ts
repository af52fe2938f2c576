import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyToggle } from '../../../shared/descriptions/builders';
import { contactSortOptions } from './sort';

export const contactGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('contact', 'getAll'),
	contactSortOptions('getAll'),
	simplifyToggle('contact', ['getAll']),
];
