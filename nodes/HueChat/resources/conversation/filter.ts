import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyToggle } from '../../../shared/descriptions/builders';
import { CONVERSATION_FILTER_ATTRIBUTES, filterProperties } from '../../../shared/descriptions/filterConditions';

export const conversationFilterDescription: INodeProperties[] = [
	...filterProperties('conversation', 'filter', CONVERSATION_FILTER_ATTRIBUTES),
	...returnAllAndLimit('conversation', 'filter'),
	simplifyToggle('conversation', ['filter']),
];
