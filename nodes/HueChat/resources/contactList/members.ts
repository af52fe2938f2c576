import { batchRequests } from '../../../shared/transport/request';
import { checkFields } from '../../../shared/validation/checks';
import { checkIdList, IDS_PER_CALL } from '../../../shared/validation/inputExpressions';
import { contactListIdCheck, contactListUrl } from './locator';

/** Add / Remove Contacts: one call per 1,000 ids, the counts summed into one item. */
export function membersRouting(method: 'POST' | 'DELETE', counts: string[]) {
	return {
		request: { method, url: contactListUrl('/contacts') },
		send: { preSend: [checkFields(contactListIdCheck), checkIdList('contact_ids', 'Contact IDs')] },
		operations: {
			pagination: batchRequests({ property: 'contact_ids', size: IDS_PER_CALL, sum: counts }),
		},
	};
}
