import { deleteOperation } from '../../../shared/descriptions/operations';
import { labelRecord } from './locator';

export const { option, properties } = deleteOperation(labelRecord, 'Delete a label', 'Delete a label');
