import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator, showFor, simplifyToggle } from '../../../shared/descriptions/builders';
import { refuse } from '../../../shared/validation/refusals';

const show = showFor('contact', ['merge']);

export const contactMergeDescription: INodeProperties[] = [
	idLocator(
		{ name: 'contactId', displayName: 'Base Contact', searchMethod: 'searchContacts', urlSegment: 'contacts', description: 'The contact that stays and receives the other one' },
		show,
	),
	idLocator(
		{
			name: 'mergeeContactId',
			displayName: 'Contact to Merge',
			searchMethod: 'searchContacts',
			urlSegment: 'contacts',
			description: 'The contact whose conversations, labels and details move to the base contact; it is then deleted',
		},
		show,
	),
	simplifyToggle('contact', ['merge']),
];

/** preSend: the two IDs as HueChat names them; merging a contact into itself is refused. */
export async function mergeBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const base = Number(this.getNodeParameter('contactId', '', { extractValue: true }));
	const mergee = Number(this.getNodeParameter('mergeeContactId', '', { extractValue: true }));
	if (base === mergee) {
		refuse(this, new NodeOperationError(this.getNode(), "'Contact to Merge' must be another contact than 'Base Contact'", { itemIndex: this.getItemIndex() }));
	}
	options.body = { base_contact_id: base, mergee_contact_id: mergee };
	return options;
}
