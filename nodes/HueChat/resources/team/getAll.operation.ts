import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const { option, properties } = getManyOperation(
	'team',
	'Get many teams',
	'List the teams of the account',
	listRouting('GET', v1('/teams'), { style: 'whole' }),
);
