import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyToggle } from '../../../shared/descriptions';
import { CONTACT_FILTER_ATTRIBUTES, filterProperties } from '../../../shared/filterPayload';

export const contactFilterDescription: INodeProperties[] = [
	...filterProperties('contact', 'filter', CONTACT_FILTER_ATTRIBUTES),
	...returnAllAndLimit('contact', 'filter'),
	simplifyToggle('contact', ['filter']),
];
