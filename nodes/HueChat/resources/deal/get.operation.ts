import { getRecordOperation } from '../../../shared/descriptions/operations';
import { dealRecord } from './locator';

export const { option, properties } = getRecordOperation(
	dealRecord,
	'Get a deal',
	'Get a deal by ID',
	{ simplify: true },
);
