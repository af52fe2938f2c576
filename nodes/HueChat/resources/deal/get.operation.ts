import { getOperation } from '../../../shared/descriptions/operations';
import { dealRecord } from './locator';

export const { option, properties } = getOperation(dealRecord, 'Get a deal', 'Get a deal by ID', { simplify: true });
