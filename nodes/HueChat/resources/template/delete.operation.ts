import { deleteRecordOperation } from '../../../shared/descriptions/operations';
import { templateRecord } from './locator';

export const { option, properties } = deleteRecordOperation(
	templateRecord,
	'Delete a template',
	'Delete a message template (broadcasts that still use it will fail)',
);
