import { getOperation } from '../../../shared/descriptions/operations';
import { labelRecord } from './locator';

export const { option, properties } = getOperation(labelRecord, 'Get a label', 'Get a label by ID');
