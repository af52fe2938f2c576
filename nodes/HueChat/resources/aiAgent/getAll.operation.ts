import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';

export const { option, properties } = getManyOperation(
	'aiAgent',
	'Get many AI agents',
	'List the AI agents',
	listRouting('GET', v2('/ai_agents'), V2_LIST),
);
