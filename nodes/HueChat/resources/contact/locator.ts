import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';

export function contactLocator(operations: string[]): INodeProperties {
	return idLocator(
		{ name: 'contactId', displayName: 'Contact', searchMethod: 'searchContacts', urlSegment: 'contacts', description: 'The contact to use' },
		showFor('contact', operations),
	);
}
