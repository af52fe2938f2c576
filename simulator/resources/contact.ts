// Contacts (v1, Chatwoot's /contacts endpoints). Reference: docs/chatwoot-v1.md §3.4, §4.3 (K1–K6).
import { randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import type { Attributes, ContactRecord, InboxRecord, Store } from '../store.ts';
import { contactInboxView, contactView } from '../views.ts';

export const CONTACTS_PER_PAGE = 15;

interface ContactInput {
	name?: string | null;
	email?: string | null;
	phone_number?: string | null;
	identifier?: string | null;
	blocked?: boolean;
	avatar_url?: string | null;
	additional_attributes?: Attributes;
	custom_attributes?: Attributes;
	inbox_id?: number;
	source_id?: string | null;
}

type SortField =
	| 'name'
	| 'email'
	| 'phone_number'
	| 'last_activity_at'
	| 'created_at'
	| 'company'
	| 'city'
	| 'country';

function sortValue(contact: ContactRecord, field: SortField): string | number | null {
	switch (field) {
		case 'name':
			return contact.name ? contact.name.toLowerCase() : null;
		case 'email':
			return contact.email ? contact.email.toLowerCase() : null;
		case 'phone_number':
			return contact.phone_number;
		case 'last_activity_at':
			return contact.last_activity_at;
		case 'created_at':
			return contact.created_at;
		case 'company':
		case 'city':
		case 'country': {
			const key = field === 'company' ? 'company_name' : field;
			const value = contact.additional_attributes[key];
			return typeof value === 'string' && value !== '' ? value.toLowerCase() : null;
		}
	}
}

/** Sorted by the field (empty values last in both directions), then by id: a total, stable order. */
function sortContacts(contacts: ContactRecord[], sort: string | undefined): ContactRecord[] {
	if (!sort) return contacts.sort((a, b) => a.id - b.id);
	const descending = sort.startsWith('-');
	const field = (descending ? sort.slice(1) : sort) as SortField;
	const keyed = contacts.map((contact) => ({ contact, value: sortValue(contact, field) }));
	keyed.sort((a, b) => {
		if (a.value === null || b.value === null) {
			if (a.value !== b.value) return a.value === null ? 1 : -1;
		} else if (a.value !== b.value) {
			const order = a.value < b.value ? -1 : 1;
			return descending ? -order : order;
		}
		return a.contact.id - b.contact.id;
	});
	return keyed.map((entry) => entry.contact);
}

function accountContacts(store: Store, accountId: number): ContactRecord[] {
	const list: ContactRecord[] = [];
	for (const contact of store.contacts.values())
		if (contact.account_id === accountId) list.push(contact);
	return list;
}

export function findContact(
	context: HandlerContext,
	id: number = Number(context.params.contact_id),
): ContactRecord {
	const contact = context.store.inAccount(context.store.contacts, context.accountId, id);
	if (!contact) throw notFound(`Contact ${id} not found`);
	return contact;
}

/** Empty strings clear email, phone and identifier. */
function blankToNull(value: string | null | undefined): string | null | undefined {
	return value === '' ? null : value;
}

/** Email, phone and identifier are unique per account (email case-insensitively). */
function uniquenessProblems(
	store: Store,
	accountId: number,
	values: ContactInput,
	selfId?: number,
): ErrorDetails {
	const details: ErrorDetails = {};
	for (const field of ['email', 'phone_number', 'identifier'] as const) {
		const value = values[field];
		if (!value) continue;
		const holder = store.contactIdByUnique(accountId, field, value);
		if (holder !== undefined && holder !== selfId) details[field] = ['has already been taken'];
	}
	return details;
}

/** The source id a new contact inbox gets when none is given (Chatwoot's per-channel rule). */
export function defaultSourceId(
	inbox: InboxRecord,
	contact: Pick<ContactRecord, 'email' | 'phone_number'>,
): { sourceId?: string; problem?: [string, string] } {
	switch (inbox.channel_kind) {
		case 'whatsapp':
			return contact.phone_number
				? { sourceId: contact.phone_number.replace('+', '') }
				: { problem: ['phone_number', 'is required for WhatsApp inboxes'] };
		case 'sms':
			return contact.phone_number
				? { sourceId: contact.phone_number }
				: { problem: ['phone_number', 'is required for SMS inboxes'] };
		case 'email':
			return contact.email
				? { sourceId: contact.email }
				: { problem: ['email', 'is required for email inboxes'] };
		default:
			return { sourceId: randomUUID() };
	}
}

function getMany(context: HandlerContext) {
	const { store, accountId, query } = context;
	const sort = query.sort as string | undefined;
	const labels = (query.labels as string[] | undefined) ?? [];
	const page = query.page as number;
	const key = `list|${accountId}|${sort ?? ''}|${labels.join(',')}`;
	const items = store.cached(['contacts'], key, () =>
		sortContacts(
			// Chatwoot lists only "resolved" contacts: those with an email, a phone number or an identifier.
			accountContacts(store, accountId).filter(
				(contact) =>
					(contact.email || contact.phone_number || contact.identifier) &&
					(labels.length === 0 || contact.labels.some((label) => labels.includes(label))),
			),
			sort,
		),
	);
	const start = (page - 1) * CONTACTS_PER_PAGE;
	return ok({
		meta: { count: items.length, current_page: page },
		payload: items
			.slice(start, start + CONTACTS_PER_PAGE)
			.map((contact) => contactView(store, contact)),
	});
}

function search(context: HandlerContext) {
	const { store, accountId, query } = context;
	const q = String(query.q).toLowerCase();
	const sort = query.sort as string | undefined;
	const page = query.page as number;
	const items = store.cached(['contacts'], `search|${accountId}|${sort ?? ''}|${q}`, () =>
		sortContacts(
			accountContacts(store, accountId).filter((contact) =>
				[contact.name, contact.email, contact.phone_number, contact.identifier].some(
					(value) => value !== null && value.toLowerCase().includes(q),
				),
			),
			sort,
		),
	);
	const start = (page - 1) * CONTACTS_PER_PAGE;
	const payload = items.slice(start, start + CONTACTS_PER_PAGE);
	return ok({
		meta: {
			count: payload.length,
			current_page: page,
			has_more: start + CONTACTS_PER_PAGE < items.length,
		},
		payload: payload.map((contact) => contactView(store, contact)),
	});
}

function create(context: HandlerContext) {
	const { store, accountId, now } = context;
	const input = context.body as ContactInput;
	const values = {
		email: blankToNull(input.email) ?? null,
		phone_number: blankToNull(input.phone_number) ?? null,
		identifier: blankToNull(input.identifier) ?? null,
	};
	const details = uniquenessProblems(store, accountId, values);
	let inbox: InboxRecord | undefined;
	let sourceId: string | undefined;
	if (input.inbox_id !== undefined) {
		inbox = store.inAccount(store.inboxes, accountId, input.inbox_id);
		if (!inbox) {
			details.inbox_id = ['does not exist'];
		} else if (input.source_id) {
			if (store.contactInboxBySource(inbox.id, input.source_id))
				details.source_id = ['has already been taken'];
			sourceId = input.source_id;
		} else {
			const generated = defaultSourceId(inbox, values);
			if (generated.problem) details[generated.problem[0]] = [generated.problem[1]];
			sourceId = generated.sourceId;
		}
	}
	if (Object.keys(details).length > 0) throw validationFailed(details);

	const contact = store.insertContact({
		account_id: accountId,
		name: input.name ?? '',
		...values,
		blocked: input.blocked ?? false,
		thumbnail: input.avatar_url ?? '',
		availability_status: 'offline',
		additional_attributes: { ...(input.additional_attributes ?? {}) },
		custom_attributes: { ...(input.custom_attributes ?? {}) },
		labels: [],
		created_at: now,
		updated_at: now,
		last_activity_at: null,
	});
	const contactInbox =
		inbox && sourceId !== undefined
			? store.insertContactInbox({
					contact_id: contact.id,
					inbox_id: inbox.id,
					source_id: sourceId,
					hmac_verified: false,
					created_at: now,
				})
			: undefined;
	const shown = contactView(store, contact);
	context.emit('contact.created', shown);
	return created({
		payload: {
			contact: shown,
			contact_inbox: contactInbox ? contactInboxView(store, contactInbox) : null,
		},
	});
}

function get(context: HandlerContext) {
	return ok({ payload: contactView(context.store, findContact(context)) });
}

function update(context: HandlerContext) {
	const { store, accountId, now } = context;
	const contact = findContact(context);
	const input = context.body as ContactInput;
	const patch: Partial<ContactRecord> = { updated_at: now };
	for (const field of ['email', 'phone_number', 'identifier'] as const) {
		if (input[field] !== undefined) patch[field] = blankToNull(input[field]) ?? null;
	}
	const details = uniquenessProblems(store, accountId, patch as ContactInput, contact.id);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	if (input.name !== undefined) patch.name = input.name ?? '';
	if (input.blocked !== undefined) patch.blocked = input.blocked;
	if (input.avatar_url !== undefined) patch.thumbnail = input.avatar_url ?? '';
	// attribute hashes are merged into the stored ones, not replaced
	if (input.additional_attributes)
		patch.additional_attributes = {
			...contact.additional_attributes,
			...input.additional_attributes,
		};
	if (input.custom_attributes)
		patch.custom_attributes = { ...contact.custom_attributes, ...input.custom_attributes };
	const before = JSON.stringify(contactView(store, contact));
	store.updateContact(contact, patch);
	const shown = contactView(store, contact);
	// as Chatwoot, no contact.updated when nothing changed
	if (JSON.stringify(shown) !== before) context.emit('contact.updated', shown);
	return ok({ payload: shown });
}

function remove(context: HandlerContext) {
	const contact = findContact(context);
	const shown = contactView(context.store, contact);
	context.store.deleteContact(contact);
	context.emit('contact.deleted', shown);
	return noContent();
}

export const contactHandlers: HandlerMap = {
	'contact.getMany': getMany,
	'contact.search': search,
	'contact.create': create,
	'contact.get': get,
	'contact.update': update,
	'contact.delete': remove,
};
