import { listRouting, queryChoice } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { BROADCAST_STATUSES } from './fields';

export const { option, properties } = getManyOperation(
	'broadcast',
	'Get many broadcasts',
	'List broadcasts, 100 a request, following the pages for you',
	listRouting('GET', v2('/broadcasts'), V2_LIST),
	{ filters: [queryChoice('Status', 'status', 'draft', BROADCAST_STATUSES)], simplify: true },
);
