import { getOperation } from '../../../shared/descriptions/operations';
import { inboxRecord } from './locator';

export const { option, properties } = getOperation(inboxRecord, 'Get an inbox', 'Get an inbox by ID', { simplify: true });
