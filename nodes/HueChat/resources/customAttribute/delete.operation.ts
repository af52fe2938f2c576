import { deleteOperation } from '../../../shared/descriptions/operations';
import { customAttributeRecord } from './locator';

export const { option, properties } = deleteOperation(customAttributeRecord, 'Delete a custom attribute', 'Delete a custom attribute definition (values already stored stay)');
