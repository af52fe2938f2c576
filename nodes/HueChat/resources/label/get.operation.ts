import { getRecordOperation } from '../../../shared/descriptions/operations';
import { labelRecord } from './locator';

export const { option, properties } = getRecordOperation(
	labelRecord,
	'Get a label',
	'Get a label by ID',
);
