import { getRecordOperation } from '../../../shared/descriptions/operations';
import { customAttributeRecord } from './locator';

export const { option, properties } = getRecordOperation(
	customAttributeRecord,
	'Get a custom attribute',
	'Get a custom attribute definition by ID',
);
