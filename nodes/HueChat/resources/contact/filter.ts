import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyToggle } from '../../../shared/descriptions/builders';
import { CONTACT_FILTER_ATTRIBUTES, filterProperties } from '../../../shared/descriptions/filterConditions';

export const contactFilterDescription: INodeProperties[] = [
	...filterProperties('contact', 'filter', CONTACT_FILTER_ATTRIBUTES),
	...returnAllAndLimit('contact', 'filter'),
	simplifyToggle('contact', ['filter']),
];
