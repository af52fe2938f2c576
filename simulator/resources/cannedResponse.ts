// Canned responses (v1). Reference: docs/chatwoot-v1.md §3.6, §4.9. `short_code` is unique per account; the
// list is a bare array, `search` matching short code or content, short-code matches first.
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed } from '../rules.ts';
import type { CannedResponseRecord } from '../store.ts';
import { cannedResponseView } from '../views.ts';

interface CannedInput {
	short_code?: string;
	content?: string;
}

function findCanned(context: HandlerContext): CannedResponseRecord {
	const id = Number(context.params.canned_response_id);
	const canned = context.store.inAccount(context.store.canned_responses, context.accountId, id);
	if (!canned) throw notFound(`Canned response ${id} not found`);
	return canned;
}

function uniqueShortCode(
	context: HandlerContext,
	shortCode: string,
	self?: CannedResponseRecord,
): string {
	const holder = context.store
		.ofAccount('canned_responses', context.accountId)
		.find(
			(canned) =>
				canned.short_code.toLowerCase() === shortCode.toLowerCase() && canned.id !== self?.id,
		);
	if (holder) throw validationFailed({ short_code: ['has already been taken'] });
	return shortCode;
}

function getMany(context: HandlerContext) {
	const all = context.store.ofAccount('canned_responses', context.accountId);
	const search =
		typeof context.query.search === 'string' ? context.query.search.trim().toLowerCase() : '';
	if (search === '') return ok(all.map(cannedResponseView));
	const byShortCode = all.filter((canned) => canned.short_code.toLowerCase().includes(search));
	const byContent = all.filter(
		(canned) => !byShortCode.includes(canned) && canned.content.toLowerCase().includes(search),
	);
	return ok([...byShortCode, ...byContent].map(cannedResponseView));
}

function create(context: HandlerContext) {
	const input = context.body as Required<CannedInput>;
	const canned = context.store.insertPlain('canned_responses', {
		account_id: context.accountId,
		short_code: uniqueShortCode(context, input.short_code),
		content: input.content,
		created_at: context.now,
		updated_at: context.now,
	});
	return created(cannedResponseView(canned));
}

function update(context: HandlerContext) {
	const canned = findCanned(context);
	const input = context.body as CannedInput;
	const patch: Partial<CannedResponseRecord> = { updated_at: context.now };
	if (input.short_code !== undefined)
		patch.short_code = uniqueShortCode(context, input.short_code, canned);
	if (input.content !== undefined) patch.content = input.content;
	context.store.updatePlain('canned_responses', canned, patch);
	return ok(cannedResponseView(canned));
}

function remove(context: HandlerContext) {
	context.store.deletePlain('canned_responses', findCanned(context).id);
	return noContent();
}

export const cannedResponseHandlers: HandlerMap = {
	'cannedResponse.getMany': getMany,
	'cannedResponse.create': create,
	'cannedResponse.update': update,
	'cannedResponse.delete': remove,
};
