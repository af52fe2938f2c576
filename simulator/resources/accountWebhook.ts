// v1 account webhooks, Chatwoot's `/webhooks` (docs/chatwoot-v1.md §3.8, §4.7, §6). Deliveries: ../delivery.ts.
import { randomBytes } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import type { AccountWebhookRecord } from '../store.ts';
import { accountWebhookView } from '../views.ts';
import { urlProblem } from './outboundWebhook.ts';

interface AccountWebhookInput {
	url?: string;
	subscriptions?: string[];
	name?: string | null;
	inbox_id?: number | null;
}

function find(context: HandlerContext): AccountWebhookRecord {
	const id = Number(context.params.webhook_id);
	const webhook = context.store.account_webhooks.get(id);
	if (!webhook || webhook.account_id !== context.accountId)
		throw notFound(`Webhook ${id} not found`);
	return webhook;
}

function ofAccount(context: HandlerContext): AccountWebhookRecord[] {
	return [...context.store.account_webhooks.values()]
		.filter((webhook) => webhook.account_id === context.accountId)
		.sort((a, b) => a.id - b.id);
}

/** Chatwoot's model validations: an http(s) URL unique per account, a known inbox. */
function problems(
	context: HandlerContext,
	input: AccountWebhookInput,
	selfId?: number,
): ErrorDetails {
	const details: ErrorDetails = {};
	if (input.url !== undefined) {
		const problem = urlProblem(input.url, true);
		if (problem) details.url = [problem];
		else if (
			ofAccount(context).some((webhook) => webhook.url === input.url && webhook.id !== selfId)
		)
			details.url = ['has already been taken'];
	}
	if (
		input.inbox_id !== undefined &&
		input.inbox_id !== null &&
		!context.store.inAccount(context.store.inboxes, context.accountId, input.inbox_id)
	) {
		details.inbox_id = ['does not exist'];
	}
	return details;
}

function getMany(context: HandlerContext) {
	return ok({
		payload: {
			webhooks: ofAccount(context).map((webhook) => accountWebhookView(context.store, webhook)),
		},
	});
}

function create(context: HandlerContext) {
	const input = context.body as AccountWebhookInput;
	const details = problems(context, input);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	const webhook: AccountWebhookRecord = {
		id: context.store.nextId('account_webhooks'),
		account_id: context.accountId,
		name: input.name ?? null,
		url: input.url as string,
		subscriptions: [...new Set(input.subscriptions ?? [])],
		inbox_id: input.inbox_id ?? null,
		secret: randomBytes(24).toString('hex'),
		created_at: context.now,
		updated_at: context.now,
	};
	context.store.account_webhooks.set(webhook.id, webhook);
	context.store.changed('account_webhooks');
	return created({ payload: { webhook: accountWebhookView(context.store, webhook) } });
}

function update(context: HandlerContext) {
	const webhook = find(context);
	const input = context.body as AccountWebhookInput;
	const details = problems(context, input, webhook.id);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	if (input.url !== undefined) webhook.url = input.url;
	if (input.subscriptions !== undefined) webhook.subscriptions = [...new Set(input.subscriptions)];
	if (input.name !== undefined) webhook.name = input.name;
	if (input.inbox_id !== undefined) webhook.inbox_id = input.inbox_id;
	webhook.updated_at = context.now;
	context.store.changed('account_webhooks');
	return ok({ payload: { webhook: accountWebhookView(context.store, webhook) } });
}

function remove(context: HandlerContext) {
	const webhook = find(context);
	context.store.account_webhooks.delete(webhook.id);
	context.store.changed('account_webhooks');
	return noContent();
}

export const accountWebhookHandlers: HandlerMap = {
	'accountWebhook.getMany': getMany,
	'accountWebhook.create': create,
	'accountWebhook.update': update,
	'accountWebhook.delete': remove,
};
