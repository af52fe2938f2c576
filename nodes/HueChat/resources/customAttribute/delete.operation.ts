import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { customAttributeRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	customAttributeRecord,
	'Delete a custom attribute',
	'Delete a custom attribute definition (values already stored stay)',
);
