import type {
	INodePropertyOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	idLocator,
	showFor,
	simplifyToggle,
	recordRouting,
} from '../../../shared/descriptions/builders';
import { v1 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';
import { refuse } from '../../../shared/validation/refusals';

const show = showFor('contact', ['merge']);

export const option: INodePropertyOptions = {
	name: 'Merge',
	value: 'merge',
	action: 'Merge two contacts',
	description:
		'Move a contact’s conversations, labels and details into another contact and delete it',
	routing: recordRouting('POST', v1('/actions/contact_merge'), undefined, [
		checkFields(
			{ parameter: 'contactId', label: 'Base Contact', check: 'positiveInteger' },
			{ parameter: 'mergeeContactId', label: 'Contact to Merge', check: 'positiveInteger' },
		),
		mergeBody,
	]),
};

export const properties: INodeProperties[] = [
	idLocator(
		{
			name: 'contactId',
			displayName: 'Base Contact',
			searchMethod: 'searchContacts',
			urlSegment: 'contacts',
			description: 'The contact that stays and receives the other one',
		},
		show,
	),
	idLocator(
		{
			name: 'mergeeContactId',
			displayName: 'Contact to Merge',
			searchMethod: 'searchContacts',
			urlSegment: 'contacts',
			description:
				'The contact whose conversations, labels and details move to the base contact; it is then deleted',
		},
		show,
	),
	simplifyToggle('contact', ['merge']),
];

/** preSend: the two IDs as HueChat names them; merging a contact into itself is refused. */
export async function mergeBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const base = Number(this.getNodeParameter('contactId', '', { extractValue: true }));
	const mergee = Number(this.getNodeParameter('mergeeContactId', '', { extractValue: true }));
	if (base === mergee) {
		refuse(
			this,
			new NodeOperationError(
				this.getNode(),
				"'Contact to Merge' must be another contact than 'Base Contact'",
				{ itemIndex: this.getItemIndex() },
			),
		);
	}
	options.body = { base_contact_id: base, mergee_contact_id: mergee };
	return options;
}
