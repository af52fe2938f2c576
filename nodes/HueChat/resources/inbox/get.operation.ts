import { getRecordOperation } from '../../../shared/descriptions/operations';
import { inboxRecord } from './locator';

export const { option, properties } = getRecordOperation(
	inboxRecord,
	'Get an inbox',
	'Get an inbox by ID',
	{ simplify: true },
);
