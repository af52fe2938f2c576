// Contacts (v1), beyond CRUD and search: filter, conversations, contactable inboxes, contact inboxes, labels and
// merge. Reference: docs/chatwoot-v1.md §4.3 (K7–K12), §5 (filter payload).
import { ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { contactFilter, type FilterCondition } from '../filters.ts';
import { notFound, validationFailed } from '../rules.ts';
import type { ContactRecord, InboxRecord } from '../store.ts';
import { contactInboxView, contactView, conversationView, inboxSlimView } from '../views.ts';
import { CONTACTS_PER_PAGE, defaultSourceId, findContact } from './contact.ts';
import { labelsFrom } from './conversationActions.ts';

const CONTACT_CONVERSATIONS = 20;

/** K7: the conditions of §5 over every contact of the account, 15 a page in id order, `meta.count` the total. */
function filter(context: HandlerContext) {
	const { store, accountId, query, now } = context;
	const matches = contactFilter(store, accountId, context.body.payload as FilterCondition[], now);
	const list: ContactRecord[] = [];
	for (const contact of store.contacts.values())
		if (contact.account_id === accountId && matches(contact)) list.push(contact);
	list.sort((a, b) => a.id - b.id);
	const page = query.page as number;
	const start = (page - 1) * CONTACTS_PER_PAGE;
	return ok({
		meta: { count: list.length, current_page: page },
		payload: list
			.slice(start, start + CONTACTS_PER_PAGE)
			.map((contact) => contactView(store, contact)),
	});
}

/** K8: the contact's 20 most recently active conversations. */
function conversations(context: HandlerContext) {
	const { store, user } = context;
	const contact = findContact(context);
	const list = [...store.conversations.values()]
		.filter((conversation) => conversation.contact_id === contact.id)
		.sort((a, b) => b.last_activity_at - a.last_activity_at || b.display_id - a.display_id)
		.slice(0, CONTACT_CONVERSATIONS);
	return ok({
		payload: list.map((conversation) => conversationView(store, conversation, user.id)),
	});
}

function accountInboxes(context: HandlerContext): InboxRecord[] {
	const list: InboxRecord[] = [];
	for (const inbox of context.store.inboxes.values())
		if (inbox.account_id === context.accountId) list.push(inbox);
	return list.sort((a, b) => a.id - b.id);
}

/** K9: each inbox that can reach the contact, with the source id it has (or would get) there. */
function contactableInboxes(context: HandlerContext) {
	const { store } = context;
	const contact = findContact(context);
	const existing = store.contactInboxesOf(contact.id);
	const payload = accountInboxes(context).flatMap((inbox) => {
		const known = existing.find((item) => item.inbox_id === inbox.id);
		if (known) return [{ source_id: known.source_id, inbox: inboxSlimView(inbox) }];
		const suggested = defaultSourceId(inbox, contact);
		return suggested.sourceId === undefined
			? []
			: [{ source_id: suggested.sourceId, inbox: inboxSlimView(inbox) }];
	});
	return ok({ payload });
}

/** K10: makes the contact reachable in an inbox; an existing contact inbox there is answered again. */
function addToInbox(context: HandlerContext) {
	const { store, accountId, now } = context;
	const contact = findContact(context);
	const {
		inbox_id: inboxId,
		source_id: sourceId,
		hmac_verified: hmacVerified,
	} = context.body as { inbox_id: number; source_id?: string; hmac_verified?: boolean };
	const inbox = store.inAccount(store.inboxes, accountId, inboxId);
	if (!inbox) throw validationFailed({ inbox_id: ['does not exist'] });
	if (sourceId) {
		const taken = store.contactInboxBySource(inbox.id, sourceId);
		if (taken && taken.contact_id !== contact.id)
			throw validationFailed({ source_id: ['has already been taken'] });
		if (taken) return ok(contactInboxView(store, taken));
		return ok(
			contactInboxView(
				store,
				store.insertContactInbox({
					contact_id: contact.id,
					inbox_id: inbox.id,
					source_id: sourceId,
					hmac_verified: hmacVerified ?? false,
					created_at: now,
				}),
			),
		);
	}
	const existing = store.contactInboxesOf(contact.id).find((item) => item.inbox_id === inbox.id);
	if (existing) return ok(contactInboxView(store, existing));
	const generated = defaultSourceId(inbox, contact);
	if (generated.problem || generated.sourceId === undefined) {
		const [field, problem] = generated.problem ?? ['source_id', 'could not be generated'];
		throw validationFailed({ [field]: [problem] });
	}
	return ok(
		contactInboxView(
			store,
			store.insertContactInbox({
				contact_id: contact.id,
				inbox_id: inbox.id,
				source_id: generated.sourceId,
				hmac_verified: hmacVerified ?? false,
				created_at: now,
			}),
		),
	);
}

function getLabels(context: HandlerContext) {
	return ok({ payload: findContact(context).labels });
}

/** K12: replaces the contact's labels. */
function setLabels(context: HandlerContext) {
	const { store, now } = context;
	const contact = findContact(context);
	const labels = labelsFrom(context.body.labels);
	const changed =
		labels.length !== contact.labels.length ||
		labels.some((label, index) => contact.labels[index] !== label);
	store.updateContact(contact, { labels, updated_at: now });
	if (changed) context.emit('contact.updated', contactView(store, contact));
	return ok({ payload: contact.labels });
}

function blank(value: unknown): boolean {
	return value === null || value === undefined || value === '';
}

/**
 * K11: the mergee's conversations, contact inboxes and labels move to the base contact; the base keeps its own
 * name, email, phone, identifier and attribute values and takes the mergee's where it has none; the mergee is
 * deleted. Answers the base contact (not wrapped).
 */
function merge(context: HandlerContext) {
	const { store, now } = context;
	const { base_contact_id: baseId, mergee_contact_id: mergeeId } = context.body as {
		base_contact_id: number;
		mergee_contact_id: number;
	};
	if (baseId === mergeeId)
		throw validationFailed({ mergee_contact_id: ['must be another contact than base_contact_id'] });
	const base = store.inAccount(store.contacts, context.accountId, baseId);
	if (!base) throw notFound(`Contact ${baseId} not found`);
	const mergee = store.inAccount(store.contacts, context.accountId, mergeeId);
	if (!mergee) throw notFound(`Contact ${mergeeId} not found`);

	for (const conversation of [...store.conversations.values()]) {
		if (conversation.contact_id === mergee.id)
			store.updateConversation(conversation, { contact_id: base.id });
	}
	for (const contactInbox of [...store.contactInboxesOf(mergee.id)])
		store.reassignContactInbox(contactInbox, base.id);
	for (const message of store.messages.values()) {
		if (message.sender_type === 'Contact' && message.sender_id === mergee.id)
			message.sender_id = base.id;
	}
	store.changed('messages');

	const mergeeView = contactView(store, mergee);
	const taken = {
		email: mergee.email,
		phone_number: mergee.phone_number,
		identifier: mergee.identifier,
	};
	store.deleteContact(mergee);
	const patch: Partial<ContactRecord> = {
		labels: [...new Set([...base.labels, ...mergee.labels])],
		additional_attributes: { ...mergee.additional_attributes, ...base.additional_attributes },
		custom_attributes: { ...mergee.custom_attributes, ...base.custom_attributes },
		last_activity_at: Math.max(base.last_activity_at ?? 0, mergee.last_activity_at ?? 0) || null,
		updated_at: now,
	};
	if (blank(base.name)) patch.name = mergee.name;
	for (const field of ['email', 'phone_number', 'identifier'] as const)
		if (blank(base[field]) && !blank(taken[field])) patch[field] = taken[field];
	store.updateContact(base, patch);
	const shown = contactView(store, base);
	context.emit('contact.deleted', mergeeView);
	context.emit('contact.updated', shown);
	return ok(shown);
}

export const contactActionHandlers: HandlerMap = {
	'contact.filter': filter,
	'contact.getConversations': conversations,
	'contact.getContactableInboxes': contactableInboxes,
	'contact.addToInbox': addToInbox,
	'contact.getLabels': getLabels,
	'contact.setLabels': setLabels,
	'contact.merge': merge,
};
