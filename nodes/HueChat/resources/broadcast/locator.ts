import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import { v2 } from '../../../shared/transport/api';

export function broadcastLocator(operations: string[]): INodeProperties {
	return idLocator(
		{ name: 'broadcastId', displayName: 'Broadcast', searchMethod: 'searchBroadcasts', idKind: 'uuid', description: 'The broadcast to use' },
		showFor('broadcast', operations),
	);
}

export const broadcastIdCheck = { parameter: 'broadcastId', label: 'Broadcast', check: 'uuid' as const };

export const broadcastUrl = (suffix = '') => v2(`/broadcasts/{{$parameter.broadcastId}}${suffix}`);
