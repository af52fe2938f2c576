import { deleteOperation } from '../../../shared/descriptions/operations';
import { broadcastRecord } from './locator';

export const { option, properties } = deleteOperation(broadcastRecord, 'Delete a broadcast', 'Delete a draft or scheduled broadcast');
