import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

export const broadcastUrl = (suffix = '') => v2(`/broadcasts/{{$parameter.broadcastId}}${suffix}`);

/** The broadcast picker, the record's URL and the check of its ID. */
export const broadcastRecord = pickedRecord('broadcast', broadcastUrl(), {
	displayName: 'Broadcast',
	searchMethod: 'searchBroadcasts',
	idKind: 'uuid',
});
export const { picker: broadcastLocator, idCheck: broadcastIdCheck } = broadcastRecord;
