import { getRecordOperation } from '../../../shared/descriptions/operations';
import { templateRecord } from './locator';

export const { option, properties } = getRecordOperation(
	templateRecord,
	'Get a template',
	'Get a template by ID, with its review status',
	{ simplify: true },
);
