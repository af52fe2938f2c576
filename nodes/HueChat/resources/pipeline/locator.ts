
export const pipelineIdCheck = { parameter: 'pipelineId', label: 'Pipeline', check: 'uuid' as const };

