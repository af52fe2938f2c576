import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';

export const { option, properties } = getManyOperation(
	'pipeline',
	'Get many pipelines',
	'List the pipelines with their stages',
	listRouting('GET', v2('/pipelines'), V2_LIST),
);
