import type {
	INodePropertyOptions,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';

import {
	createOptions,
	idLocator,
	showFor,
	idempotentCreateRouting,
	collectionHead,
	simplifyParameter,
} from '../../../shared/descriptions/builders';
import { simplifyRecord } from '../../../shared/output/simplify';
import { recallFacts, rememberFacts } from '../../../shared/state/facts';
import { v1 } from '../../../shared/transport/api';
import { apiRequest } from '../../../shared/transport/request';
import {
	checkMatch,
	findOrCreateContact,
	keyFor,
	matchProperties,
	readMatch,
	v1Path,
} from '../../../shared/upsert/contactLookup';
import { checkFields } from '../../../shared/validation/checks';
import { hasRefusal, refuse } from '../../../shared/validation/refusals';
import {
	applyMessageExtras,
	attachmentsField,
	readMessageExtras,
	templateByNameField,
	messageTemplateFields,
} from './body';
import { messageContentField } from './message';
import { optionalTemplateIdCheck } from '../../../shared/templates/fields';

/**
 * Message → Send to Contact: the most common automation in one step. Finds the contact by email, phone number or
 * identifier (creating it, reachable in the inbox, when there is none), reuses its open conversation in the inbox
 * (the most recently active) or starts one, then sends the message (text, template and/or attachments). The
 * output says what was created.
 */

const show = showFor('message', ['sendToContact']);

export const option: INodePropertyOptions = {
	name: 'Send to Contact',
	value: 'sendToContact',
	action: 'Send a message to a contact',
	description:
		'Find or create the contact by email, phone number or identifier, reuse its open conversation in the inbox or start one, and send the message',
	routing: {
		// `{conversation}` is filled in once the conversation is found or started
		...idempotentCreateRouting(v1('/conversations/{conversation}/messages'), undefined, [
			checkFields(
				{ parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' },
				optionalTemplateIdCheck,
			),
			sendToContact,
		]),
		output: { postReceive: [sentToContact] },
	},
};

export const properties: INodeProperties[] = [
	idLocator(
		{
			name: 'inboxId',
			displayName: 'Inbox',
			searchMethod: 'searchInboxes',
			urlSegment: 'settings/inboxes',
			description: 'The inbox (channel) to send through',
		},
		show,
	),
	...matchProperties('message', 'sendToContact', 'finds the contact (and is set on a new one)'),
	messageContentField(show),
	...messageTemplateFields(show),
	{
		...collectionHead('additionalFields'),
		displayOptions: show,
		options: [
			attachmentsField,
			{
				displayName: 'Contact Name',
				name: 'contactName',
				type: 'string',
				default: '',
				description:
					'Name of the contact when it has to be created (an existing contact keeps its name)',
			},
			templateByNameField,
		],
	},
	simplifyParameter(show),
	createOptions('message', 'sendToContact'),
];

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

/** preSend: contact and conversation found or created; the routed request becomes the message create. */
export async function sendToContact(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const match = readMatch(this);
	await checkMatch(match).call(this, options);
	if (hasRefusal(this)) return options;
	const content = String(this.getNodeParameter('content', '') ?? '');
	// content, template and files are checked before anything is created for this item
	const extras = await readMessageExtras(this, 'additionalFields', content);
	if (!extras || hasRefusal(this)) return options;
	const inboxId = Number(this.getNodeParameter('inboxId', '', { extractValue: true }));
	const placeholderUrl = String(options.url);
	try {
		const contactName = String(
			this.getNodeParameter('additionalFields.contactName', '') ?? '',
		).trim();
		const { contact, created: contactCreated } = await findOrCreateContact(
			this,
			match,
			{ inbox_id: inboxId, ...(contactName ? { name: contactName } : {}) },
			await keyFor(this, placeholderUrl, 'contact'),
		);
		let conversation = contactCreated
			? undefined
			: await openConversation(this, contact.id, inboxId);
		const conversationCreated = conversation === undefined;
		if (!conversation) {
			conversation = (await apiRequest(this, 'POST', await v1Path(this, '/conversations'), {
				body: { inbox_id: inboxId, contact_id: Number(contact.id) },
				headers: { 'Idempotency-Key': await keyFor(this, placeholderUrl, 'conversation') },
			})) as IDataObject;
		}
		rememberFacts(this, { contact, contactCreated, conversation, conversationCreated });
		options.url = await v1Path(this, `/conversations/${String(conversation.id)}/messages`);
	} catch (error) {
		refuse(this, error as NodeApiError);
		return options;
	}
	options.method = 'POST';
	options.body = { content };
	return applyMessageExtras(options, extras);
}

/** postReceive: what was created (contact? conversation?) and the message sent. */
export async function sentToContact(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const facts = recallFacts(this);
	const simplify = this.getNodeParameter('simplify', true) === true;
	const shape = (resource: string, record: unknown) =>
		simplify && record
			? simplifyRecord(resource, record as IDataObject)
			: ((record ?? null) as IDataObject);
	return items.map((item) => ({
		json: {
			contact_created: facts.contactCreated === true,
			conversation_created: facts.conversationCreated === true,
			contact: shape('contact', facts.contact),
			conversation: shape('conversation', facts.conversation),
			message: shape('message', item.json),
		},
	}));
}
