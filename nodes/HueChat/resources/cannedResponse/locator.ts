import { pickedRecord } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const cannedResponseUrl = v1('/canned_responses/{{$parameter.cannedResponseId}}');

/** The canned response picker: From List (searching short code and content) or By ID. */
export const cannedResponseRecord = pickedRecord('cannedResponse', cannedResponseUrl, {
	displayName: 'Canned Response',
	searchMethod: 'searchCannedResponses',
});
export const { picker: cannedResponseLocator, idCheck: cannedResponseIdCheck } =
	cannedResponseRecord;
