import { deleteOperation } from '../../../shared/descriptions/operations';
import { conversationRecord } from './locator';

export const { option, properties } = deleteOperation(conversationRecord, 'Delete a conversation', 'Delete a conversation and its messages');
