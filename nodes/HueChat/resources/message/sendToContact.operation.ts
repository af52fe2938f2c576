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
	showFor,
	idempotentCreateRouting,
	collectionHead,
	simplifyParameter,
} from '../../../shared/descriptions/builders';
import { simplifyRecord } from '../../../shared/output/simplify';
import { recallFacts, rememberFacts } from '../../../shared/state/facts';
import { v1 } from '../../../shared/transport/api';
import {
	contactNameField,
	contactTargetProperties,
	findContactConversation,
	inboxIdCheck,
} from '../../../shared/upsert/contactConversation';
import { checkMatch, readMatch, v1Path } from '../../../shared/upsert/contactLookup';
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
			checkFields(inboxIdCheck(), optionalTemplateIdCheck),
			sendToContact,
		]),
		output: { postReceive: [sentToContact] },
	},
};

export const properties: INodeProperties[] = [
	...contactTargetProperties('message', 'sendToContact'),
	messageContentField(show),
	...messageTemplateFields(show),
	{
		...collectionHead('additionalFields', 'message', 'sendToContact'),
		displayOptions: show,
		options: [attachmentsField, contactNameField, templateByNameField],
	},
	simplifyParameter(show),
	createOptions('message', 'sendToContact'),
];

/** preSend: contact and conversation found or created; the routed request becomes the message create. */
export async function sendToContact(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const match = readMatch(this);
	await checkMatch(match).call(this, options);
	if (hasRefusal(this)) return options;
	const content = String(this.getNodeParameter('messageContent', '') ?? '');
	// content, template and files are checked before anything is created for this item
	const extras = await readMessageExtras(this, 'messageSendToContactFields', content);
	if (!extras || hasRefusal(this)) return options;
	const inboxId = Number(this.getNodeParameter('inboxId', '', { extractValue: true }));
	const placeholderUrl = String(options.url);
	try {
		const contactName = String(
			this.getNodeParameter('messageSendToContactFields.contactName', '') ?? '',
		).trim();
		const found = await findContactConversation(this, match, inboxId, contactName, placeholderUrl);
		rememberFacts(this, { ...found });
		options.url = await v1Path(this, `/conversations/${String(found.conversation.id)}/messages`);
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
