import { getRecordOperation } from '../../../shared/descriptions/operations';
import { pipelineRecord } from './locator';

export const { option, properties } = getRecordOperation(
	pipelineRecord,
	'Get a pipeline',
	'Get a pipeline with its stages (ID, name, position, probability)',
);
