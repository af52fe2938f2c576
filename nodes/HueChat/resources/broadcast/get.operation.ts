import { getOperation } from '../../../shared/descriptions/operations';
import { broadcastRecord } from './locator';

export const { option, properties } = getOperation(broadcastRecord, 'Get a broadcast', 'Get a broadcast by ID', { simplify: true });
