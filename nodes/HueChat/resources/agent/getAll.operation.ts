import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const { option, properties } = getManyOperation(
	'agent',
	'Get many agents',
	'List the agents of the account, administrators included, by name',
	listRouting('GET', v1('/agents'), { style: 'whole' }),
);
