import { listRouting, textField } from '../../../shared/descriptions/builders';
import { getManyOperation } from '../../../shared/descriptions/operations';
import { v1 } from '../../../shared/transport/api';

export const { option, properties } = getManyOperation(
	'cannedResponse',
	'Get many canned responses',
	'List the canned responses, optionally only those matching a search',
	listRouting('GET', v1('/canned_responses'), { style: 'whole' }),
	{
		filters: [
			textField('Search', 'search', 'search', 'query', {
				description:
					'Only canned responses whose short code or content contains this text (short-code matches first)',
			}),
		],
	},
);
