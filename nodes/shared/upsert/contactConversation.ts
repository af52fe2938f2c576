import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../descriptions/builders';
import { apiRequest } from '../transport/request';
import {
	findOrCreateContact,
	keyFor,
	matchProperties,
	prefixed,
	v1Path,
	type Match,
	type MatchPlacement,
} from './contactLookup';

/**
 * Where a message to a contact goes, for Message → Send to Contact and Send and Wait for Reply (sent to a contact):
 * the contact found by email, phone number or identifier (created, reachable in the inbox, when there is none) and
 * its most recently active open conversation in the inbox, or a new one.
 */

/**
 * The Inbox picker and the Match By fields. `placement` names and conditions them for an operation that shows them
 * only sometimes (Send and Wait for Reply, when it sends to a contact).
 */
export function contactTargetProperties(
	resource: string,
	operation: string,
	placement: MatchPlacement = {},
): INodeProperties[] {
	return [
		idLocator(
			{
				name: prefixed(placement.prefix ?? '', 'inboxId'),
				displayName: 'Inbox',
				searchMethod: 'searchInboxes',
				urlSegment: 'settings/inboxes',
				description: 'The inbox (channel) to send through',
			},
			{ show: { resource: [resource], operation: [operation], ...placement.when } },
		),
		...matchProperties(
			resource,
			operation,
			'finds the contact (and is set on a new one)',
			placement,
		),
	];
}

/** Contact Name, for an Additional Fields collection: the name a new contact gets. */
export const contactNameField: INodeProperties = {
	displayName: 'Contact Name',
	name: 'contactName',
	type: 'string',
	default: '',
	description: 'Name of the contact when it has to be created (an existing contact keeps its name)',
};

export const inboxIdCheck = (prefix = '') => ({
	parameter: prefixed(prefix, 'inboxId'),
	label: 'Inbox',
	check: 'positiveInteger' as const,
});

export interface ContactConversation {
	contact: IDataObject;
	contactCreated: boolean;
	conversation: IDataObject;
	conversationCreated: boolean;
}

/** The contact's most recently active open conversation in the inbox, if any. */
async function openConversation(
	context: IExecuteSingleFunctions,
	contactId: unknown,
	inboxId: number,
): Promise<IDataObject | undefined> {
	const answer = (await apiRequest(
		context,
		'GET',
		await v1Path(context, `/contacts/${String(contactId)}/conversations`),
	)) as IDataObject;
	const conversations = Array.isArray(answer?.payload) ? (answer.payload as IDataObject[]) : [];
	return conversations
		.filter(
			(conversation) => Number(conversation.inbox_id) === inboxId && conversation.status === 'open',
		)
		.sort((a, b) => Number(b.last_activity_at ?? 0) - Number(a.last_activity_at ?? 0))[0];
}

/**
 * The contact holding the match value (created in the inbox, named `contactName` when given, if there is none) and
 * its open conversation in the inbox (started when it has none). `placeholderUrl` is the URL the item's
 * Idempotency-Key is made for: each create gets that key plus what it creates, so a retry creates nothing twice.
 */
export async function findContactConversation(
	context: IExecuteSingleFunctions,
	match: Match,
	inboxId: number,
	contactName: string,
	placeholderUrl: string,
): Promise<ContactConversation> {
	const { contact, created: contactCreated } = await findOrCreateContact(
		context,
		match,
		{ inbox_id: inboxId, ...(contactName ? { name: contactName } : {}) },
		await keyFor(context, placeholderUrl, 'contact'),
	);
	let conversation = contactCreated
		? undefined
		: await openConversation(context, contact.id, inboxId);
	const conversationCreated = conversation === undefined;
	if (!conversation) {
		conversation = (await apiRequest(context, 'POST', await v1Path(context, '/conversations'), {
			body: { inbox_id: inboxId, contact_id: Number(contact.id) },
			headers: { 'Idempotency-Key': await keyFor(context, placeholderUrl, 'conversation') },
		})) as IDataObject;
	}
	return { contact, contactCreated, conversation, conversationCreated };
}
