import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

/** The canned response picker: From List (searching short code and content) or By ID. */
export function cannedResponseLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'cannedResponseId',
			displayName: 'Canned Response',
			searchMethod: 'searchCannedResponses',
			description: 'The canned response to use',
		},
		showFor('cannedResponse', operations),
	);
}

export const cannedResponseIdCheck = {
	parameter: 'cannedResponseId',
	label: 'Canned Response',
	check: 'positiveInteger' as const,
};

export const cannedResponseUrl = v1('/canned_responses/{{$parameter.cannedResponseId}}');

/** What cannedResponse operations on one record share: the picker, the record's URL and the ID check. */
export const cannedResponseRecord: RecordKind = {
	resource: 'cannedResponse',
	picker: cannedResponseLocator,
	url: cannedResponseUrl,
	check: checkFields(cannedResponseIdCheck),
};
