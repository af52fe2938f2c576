// Contact lists (v2): static lists of v1 contacts, the audiences of broadcasts. Reference:
// docs/contract.md §3. Adding is idempotent: members already in the list (or repeated
// in the request) are counted as `skipped`; ids of no contact → 422. At most 1,000 ids a call (schema).
import { randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { contactListView, contactView } from '../views.ts';
import { findV2, listPage, Problems, sent } from './v2.ts';

function getMany(context: HandlerContext) {
	const { store, accountId } = context;
	return listPage(context, store.v2OfAccount('contact_lists', accountId), (list) =>
		contactListView(store, list),
	);
}

function create(context: HandlerContext) {
	const { store, accountId, now } = context;
	const body = context.body as { name: string; description?: string | null };
	const list = store.insertV2('contact_lists', {
		id: randomUUID(),
		account_id: accountId,
		name: body.name,
		description: body.description ?? null,
		contact_ids: [],
		created_at: now,
		updated_at: now,
	});
	return created(contactListView(store, list));
}

function get(context: HandlerContext) {
	return ok(
		contactListView(
			context.store,
			findV2(context, 'contact_lists', 'contact_list_id', 'Contact list'),
		),
	);
}

function update(context: HandlerContext) {
	const { store, now, body } = context;
	const list = findV2(context, 'contact_lists', 'contact_list_id', 'Contact list');
	const patch: { name?: string; description?: string | null; updated_at: number } = {
		updated_at: now,
	};
	if (sent(body, 'name')) patch.name = body.name as string;
	if (sent(body, 'description')) patch.description = (body.description as string | null) ?? null;
	store.updateV2('contact_lists', list, patch);
	return ok(contactListView(store, list));
}

function remove(context: HandlerContext) {
	const list = findV2(context, 'contact_lists', 'contact_list_id', 'Contact list');
	context.store.deleteV2('contact_lists', list.id);
	return noContent();
}

/** Members that still exist, in the order they were added. */
function getContacts(context: HandlerContext) {
	const { store } = context;
	const list = findV2(context, 'contact_lists', 'contact_list_id', 'Contact list');
	const members = list.contact_ids
		.map((id) => store.contacts.get(id))
		.filter((contact) => contact !== undefined);
	return listPage(context, members, (contact) => contactView(store, contact));
}

function addContacts(context: HandlerContext) {
	const { store, accountId, now } = context;
	const list = findV2(context, 'contact_lists', 'contact_list_id', 'Contact list');
	const ids = context.body.contact_ids as number[];
	const unknown = [...new Set(ids.filter((id) => !store.inAccount(store.contacts, accountId, id)))];
	if (unknown.length > 0) {
		const problems = new Problems();
		const shown = unknown.slice(0, 10).join(', ');
		problems.add(
			'contact_ids',
			`include ids of no contact: ${shown}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}`,
		);
		problems.throwIfAny();
	}
	const members = new Set(list.contact_ids);
	let added = 0;
	for (const id of ids) {
		if (members.has(id)) continue;
		members.add(id);
		list.contact_ids.push(id);
		added += 1;
	}
	store.updateV2('contact_lists', list, { updated_at: now });
	return ok({ added, skipped: ids.length - added });
}

function removeContacts(context: HandlerContext) {
	const { store, now } = context;
	const list = findV2(context, 'contact_lists', 'contact_list_id', 'Contact list');
	const ids = new Set(context.body.contact_ids as number[]);
	const before = list.contact_ids.length;
	const kept = list.contact_ids.filter((id) => !ids.has(id));
	const removed = before - kept.length;
	store.updateV2('contact_lists', list, { contact_ids: kept, updated_at: now });
	return ok({ removed, skipped: (context.body.contact_ids as number[]).length - removed });
}

export const contactListHandlers: HandlerMap = {
	'contactList.getMany': getMany,
	'contactList.create': create,
	'contactList.get': get,
	'contactList.update': update,
	'contactList.delete': remove,
	'contactList.getContacts': getContacts,
	'contactList.addContacts': addContacts,
	'contactList.removeContacts': removeContacts,
};
