import { getRecordOperation } from '../../../shared/descriptions/operations';
import { broadcastRecord } from './locator';

export const { option, properties } = getRecordOperation(
	broadcastRecord,
	'Get a broadcast',
	'Get a broadcast by ID',
	{ simplify: true },
);
