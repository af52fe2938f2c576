import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The label picker: From List or By ID. */
export function labelLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'labelId',
			displayName: 'Label',
			searchMethod: 'searchLabels',
			description: 'The label to use',
		},
		showFor('label', operations),
	);
}

export const labelIdCheck = {
	parameter: 'labelId',
	label: 'Label',
	check: 'positiveInteger' as const,
};

export const labelUrl = v1('/labels/{{$parameter.labelId}}');

/** What label operations on one record share: the picker, the record's URL and the ID check. */
export const labelRecord: RecordKind = {
	resource: 'label',
	picker: labelLocator,
	url: labelUrl,
	check: checkFields(labelIdCheck),
};
