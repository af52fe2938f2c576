import { deleteOperation } from '../../../shared/descriptions/operations';
import { aiAgentRecord } from './locator';

export const { option, properties } = deleteOperation(aiAgentRecord, 'Delete an AI agent', 'Delete an AI agent; its conversations go back to humans');
