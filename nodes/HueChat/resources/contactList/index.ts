import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../../shared/descriptions/operations';
import * as addContactsOperation from './addContacts.operation';
import * as createOperation from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getContactsOperation from './getContacts.operation';
import * as getAllOperation from './getAll.operation';
import * as removeContactsOperation from './removeContacts.operation';
import * as updateOperation from './update.operation';

export const contactListDescription: INodeProperties[] = resourceDescription(
	'contactList',
	'getAll',
	[
		addContactsOperation,
		createOperation,
		deleteOperation,
		getOperation,
		getContactsOperation,
		getAllOperation,
		removeContactsOperation,
		updateOperation,
	],
);
