import { getOperation } from '../../../shared/descriptions/operations';
import { conversationRecord } from './locator';

export const { option, properties } = getOperation(conversationRecord, 'Get a conversation', 'Get a conversation by its display ID', { simplify: true });
