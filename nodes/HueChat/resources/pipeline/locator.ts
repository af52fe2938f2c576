import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

/** The pipeline picker: From List or By ID (a UUID). */
export const pipelineRecord = pickedRecord('pipeline', v2('/pipelines/{{$parameter.pipelineId}}'), {
	displayName: 'Pipeline',
	searchMethod: 'searchPipelines',
	idKind: 'uuid',
});
export const { picker: pipelineLocator, idCheck: pipelineIdCheck } = pipelineRecord;
