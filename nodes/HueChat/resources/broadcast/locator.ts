import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function broadcastLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'broadcastId',
			displayName: 'Broadcast',
			searchMethod: 'searchBroadcasts',
			idKind: 'uuid',
			description: 'The broadcast to use',
		},
		showFor('broadcast', operations),
	);
}

export const broadcastIdCheck = {
	parameter: 'broadcastId',
	label: 'Broadcast',
	check: 'uuid' as const,
};

export const broadcastUrl = (suffix = '') => v2(`/broadcasts/{{$parameter.broadcastId}}${suffix}`);

/** What broadcast operations on one record share: the picker, the record's URL and the ID check. */
export const broadcastRecord: RecordKind = {
	resource: 'broadcast',
	picker: broadcastLocator,
	url: broadcastUrl(),
	check: checkFields(broadcastIdCheck),
};
