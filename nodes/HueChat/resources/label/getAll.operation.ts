import { listRouting } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const { option, properties } = getManyOperation(
	'label',
	'Get many labels',
	'List the labels of the account',
	listRouting('GET', v1('/labels'), { style: 'whole', root: 'payload' }),
);
