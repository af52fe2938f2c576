// Labels (v1). Reference: docs/chatwoot-v1.md §3.6, §4.8. Titles (letters, digits, `-`, `_`: checked by the
// OpenAPI document) are down-cased and unique per account; renaming one renames it on conversations and contacts.
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed } from '../rules.ts';
import type { LabelRecord } from '../store.ts';
import { labelView } from '../views.ts';

interface LabelInput {
	title?: string;
	description?: string | null;
	color?: string;
	show_on_sidebar?: boolean;
}

export const DEFAULT_LABEL_COLOR = '#1f93ff';

function findLabel(context: HandlerContext): LabelRecord {
	const id = Number(context.params.label_id);
	const label = context.store.inAccount(context.store.labels, context.accountId, id);
	if (!label) throw notFound(`Label ${id} not found`);
	return label;
}

function uniqueTitle(context: HandlerContext, title: string, self?: LabelRecord): string {
	const normalized = title.toLowerCase();
	const holder = context.store
		.ofAccount('labels', context.accountId)
		.find((label) => label.title === normalized && label.id !== self?.id);
	if (holder) throw validationFailed({ title: ['has already been taken'] });
	return normalized;
}

function getMany(context: HandlerContext) {
	return ok({ payload: context.store.ofAccount('labels', context.accountId).map(labelView) });
}

function get(context: HandlerContext) {
	return ok(labelView(findLabel(context)));
}

function create(context: HandlerContext) {
	const input = context.body as LabelInput;
	const label = context.store.insertPlain('labels', {
		account_id: context.accountId,
		title: uniqueTitle(context, String(input.title)),
		description: input.description ?? null,
		color: input.color ?? DEFAULT_LABEL_COLOR,
		show_on_sidebar: input.show_on_sidebar ?? true,
		created_at: context.now,
		updated_at: context.now,
	});
	return created(labelView(label));
}

function update(context: HandlerContext) {
	const { store, accountId } = context;
	const label = findLabel(context);
	const input = context.body as LabelInput;
	const patch: Partial<LabelRecord> = { updated_at: context.now };
	if (input.title !== undefined) patch.title = uniqueTitle(context, input.title, label);
	if (input.description !== undefined) patch.description = input.description;
	if (input.color !== undefined) patch.color = input.color;
	if (input.show_on_sidebar !== undefined) patch.show_on_sidebar = input.show_on_sidebar;
	const previous = label.title;
	store.updatePlain('labels', label, patch);
	if (patch.title !== undefined && patch.title !== previous) {
		const rename = (labels: string[]) =>
			[...new Set(labels.map((title) => (title === previous ? label.title : title)))].sort();
		for (const conversation of store.conversations.values()) {
			if (conversation.account_id === accountId && conversation.labels.includes(previous))
				store.updateConversation(conversation, { labels: rename(conversation.labels) });
		}
		for (const contact of store.contacts.values()) {
			if (contact.account_id === accountId && contact.labels.includes(previous))
				store.updateContact(contact, { labels: rename(contact.labels) });
		}
	}
	return ok(labelView(label));
}

function remove(context: HandlerContext) {
	context.store.deletePlain('labels', findLabel(context).id);
	return noContent();
}

export const labelHandlers: HandlerMap = {
	'label.getMany': getMany,
	'label.get': get,
	'label.create': create,
	'label.update': update,
	'label.delete': remove,
};
