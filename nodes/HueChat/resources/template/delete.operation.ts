import { deleteOperation } from '../../../shared/descriptions/operations';
import { templateRecord } from './locator';

export const { option, properties } = deleteOperation(templateRecord, 'Delete a template', 'Delete a message template (broadcasts that still use it will fail)');
