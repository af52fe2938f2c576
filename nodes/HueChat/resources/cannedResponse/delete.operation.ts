import { deleteOperation } from '../../../shared/descriptions/operations';
import { cannedResponseRecord } from './locator';

export const { option, properties } = deleteOperation(cannedResponseRecord, 'Delete a canned response', 'Delete a canned response');
