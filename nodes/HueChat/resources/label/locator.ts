import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';

/** The label picker: From List or By ID. */
export function labelLocator(operations: string[]): INodeProperties {
	return idLocator({ name: 'labelId', displayName: 'Label', searchMethod: 'searchLabels', description: 'The label to use' }, showFor('label', operations));
}

export const labelIdCheck = { parameter: 'labelId', label: 'Label', check: 'positiveInteger' as const };

export const labelUrl = v1('/labels/{{$parameter.labelId}}');
