import { getOperation } from '../../../shared/descriptions/operations';
import { pipelineRecord } from './locator';

export const { option, properties } = getOperation(pipelineRecord, 'Get a pipeline', 'Get a pipeline with its stages (ID, name, position, probability)');
