// WhatsApp message templates (v2). Reference: docs/contract.md §3.
//
// State machine: a template starts `pending`; HueChat (Meta) reviews it and moves it to `approved` or
// `rejected`, emitting `template.status_changed`. `paused` and `disabled` happen to approved templates
// later (quality); they exist in the seed data only.
//
// Simulated review (deterministic): TEMPLATE_REVIEW_MS after it was created, a pending template is
// reviewed — on the first request that reads templates after that moment, or by a timer, whichever comes
// first. It is rejected, with `rejected_reason`, when its body (other than for authentication templates)
// starts or ends with a variable such as {{1}} (one of Meta's real rules); otherwise it is approved.
// Seeded pending templates are never reviewed.
import { randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import type {
	Store,
	TemplateButton,
	TemplateCategory,
	TemplateComponent,
	TemplateRecord,
} from '../store.ts';
import { templateView } from '../views.ts';
import { findV2, iso, later, listPage, Problems, referenceChecks } from './v2.ts';

export const TEMPLATE_REVIEW_MS = 1_000;

type Emit = (name: string, data: unknown) => void;

const LIMITS: Record<string, number> = { header: 60, body: 1024, footer: 60 };

/** Why Meta would reject the template, or null when it passes. */
export function reviewProblem(
	template: Pick<TemplateRecord, 'category' | 'components'>,
): string | null {
	if (template.category === 'authentication') return null;
	const body =
		template.components.find((component) => component.type === 'body')?.text?.trim() ?? '';
	if (/^\{\{[^}]+\}\}/.test(body) || /\{\{[^}]+\}\}[.!?]?$/.test(body)) {
		return 'INVALID_FORMAT: the body can not start or end with a variable';
	}
	return null;
}

/** Ends the review of every pending template of the account whose review time has come. */
export function reviewTemplates(store: Store, accountId: number, nowMs: number, emit: Emit): void {
	for (const template of store.v2OfAccount('templates', accountId)) {
		if (
			template.status !== 'pending' ||
			template.review_ends_at === null ||
			template.review_ends_at > nowMs
		)
			continue;
		const reason = reviewProblem(template);
		store.updateV2('templates', template, {
			status: reason ? 'rejected' : 'approved',
			rejected_reason: reason,
			review_ends_at: null,
			updated_at: iso(Math.floor(nowMs / 1000)),
		});
		emit('template.status_changed', { ...templateView(template), previous_status: 'pending' });
	}
}

function progress(context: HandlerContext): void {
	reviewTemplates(context.store, context.accountId, Date.now(), context.emit);
}

function checkComponents(components: TemplateComponent[], problems: Problems): void {
	const counts: Record<string, number> = {};
	components.forEach((component, index) => {
		counts[component.type] = (counts[component.type] ?? 0) + 1;
		const where = `components[${index}]`;
		const limit = LIMITS[component.type];
		if (component.type === 'body' && !component.text?.trim())
			problems.add(`${where}.text`, "can't be blank");
		if (
			component.type === 'header' &&
			(component.format ?? 'text') === 'text' &&
			!component.text?.trim()
		) {
			problems.add(`${where}.text`, "can't be blank for a text header");
		}
		if (component.type === 'footer' && !component.text?.trim())
			problems.add(`${where}.text`, "can't be blank");
		if (limit !== undefined && (component.text ?? '').length > limit)
			problems.add(`${where}.text`, `is too long (maximum is ${limit} characters)`);
		if (component.type === 'buttons') {
			const buttons: TemplateButton[] = component.buttons ?? [];
			if (buttons.length === 0) problems.add(`${where}.buttons`, 'must have at least 1 button');
			buttons.forEach((button, i) => {
				if (button.type === 'url' && !button.url)
					problems.add(`${where}.buttons[${i}].url`, 'is required for a URL button');
				if (button.type === 'phone_number' && !button.phone_number)
					problems.add(
						`${where}.buttons[${i}].phone_number`,
						'is required for a phone number button',
					);
			});
		} else if (component.buttons !== undefined) {
			problems.add(`${where}.buttons`, `is only allowed on a buttons component`);
		}
	});
	if (counts.body !== 1)
		problems.add('components', `must have exactly one body (has ${counts.body ?? 0})`);
	for (const type of ['header', 'footer', 'buttons']) {
		if ((counts[type] ?? 0) > 1) problems.add('components', `may have at most one ${type}`);
	}
}

function getMany(context: HandlerContext) {
	progress(context);
	const { store, accountId, query } = context;
	const items = store
		.v2OfAccount('templates', accountId)
		.filter(
			(template) =>
				(query.status === undefined || template.status === query.status) &&
				(query.category === undefined || template.category === query.category) &&
				(query.inbox_id === undefined || template.inbox_id === query.inbox_id) &&
				(query.language === undefined || template.language === query.language) &&
				(query.name === undefined || template.name === query.name),
		);
	return listPage(context, items, templateView);
}

function create(context: HandlerContext) {
	progress(context);
	const { store, accountId, now } = context;
	const body = context.body as {
		name: string;
		language: string;
		category: TemplateCategory;
		inbox_id: number;
		components: TemplateComponent[];
	};
	const problems = new Problems();
	const inbox = referenceChecks(context, problems).inbox('inbox_id', body.inbox_id);
	if (inbox && inbox.channel_kind !== 'whatsapp')
		problems.add('inbox_id', 'must be a WhatsApp inbox');
	checkComponents(body.components, problems);
	const taken = store
		.v2OfAccount('templates', accountId)
		.some(
			(template) =>
				template.inbox_id === body.inbox_id &&
				template.name === body.name &&
				template.language === body.language,
		);
	if (taken) problems.add('name', `has already been taken for ${body.language} in this inbox`);
	problems.throwIfAny();

	const template = store.insertV2('templates', {
		id: randomUUID(),
		account_id: accountId,
		inbox_id: body.inbox_id,
		name: body.name,
		language: body.language,
		category: body.category,
		status: 'pending',
		rejected_reason: null,
		components: structuredClone(body.components),
		created_at: iso(now),
		updated_at: iso(now),
		review_ends_at: Date.now() + TEMPLATE_REVIEW_MS,
	});
	const { emit } = context;
	later(TEMPLATE_REVIEW_MS + 5, () => reviewTemplates(store, accountId, Date.now(), emit));
	return created(templateView(template));
}

function get(context: HandlerContext) {
	progress(context);
	return ok(templateView(findV2(context, 'templates', 'template_id', 'Template')));
}

function remove(context: HandlerContext) {
	const template = findV2(context, 'templates', 'template_id', 'Template');
	context.store.deleteV2('templates', template.id);
	return noContent();
}

export const templateHandlers: HandlerMap = {
	'template.getMany': getMany,
	'template.create': create,
	'template.get': get,
	'template.delete': remove,
};
