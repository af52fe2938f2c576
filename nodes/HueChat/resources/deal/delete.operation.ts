import { deleteOperation } from '../../../shared/descriptions/operations';
import { dealRecord } from './locator';

export const { option, properties } = deleteOperation(dealRecord, 'Delete a deal', 'Delete a deal');
