import { getOperation } from '../../../shared/descriptions/operations';
import { customAttributeRecord } from './locator';

export const { option, properties } = getOperation(customAttributeRecord, 'Get a custom attribute', 'Get a custom attribute definition by ID');
