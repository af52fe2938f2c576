import { getOperation } from '../../../shared/descriptions/operations';
import { templateRecord } from './locator';

export const { option, properties } = getOperation(templateRecord, 'Get a template', 'Get a template by ID, with its review status', { simplify: true });
