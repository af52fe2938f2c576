// Deals (v2). Reference: docs/contract.md §3.
//
// Rules: `stage_id` must be a stage of the deal's `pipeline_id` (on create, and on update whether the
// stage, the pipeline or both change) → 422 with details.stage_id. `value` is a decimal string stored
// and answered exactly as sent ("1250.10" stays "1250.10"); a JSON number → 422. `external_id` is unique
// per account → 422 with details.external_id; `GET /deals?external_id=` finds a deal by it (exact).
// State machine: `open` → `won` (POST /won) or `lost` (POST /lost, optional `lost_reason`), which set
// `closed_at`; only open deals can be marked won or lost (else 409). Closed deals can still be edited.
// Events: `deal.created`, `deal.updated`, `deal.stage_changed` (with `previous_stage_id`), `deal.won`, `deal.lost`.
import { randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { ApiError } from '../rules.ts';
import type { Attributes, DealRecord } from '../store.ts';
import { dealView } from '../views.ts';
import { findV2, listPage, Problems, referenceChecks, sent } from './v2.ts';

interface DealInput {
	title?: string;
	pipeline_id?: string;
	stage_id?: string;
	value?: string | null;
	currency?: string;
	contact_id?: number | null;
	owner_id?: number | null;
	expected_close_at?: number | null;
	external_id?: string | null;
	custom_attributes?: Attributes;
}

/** The checks create and update share, on the deal's pipeline, stage and references after the change. */
function checkDeal(
	context: HandlerContext,
	pipelineId: string,
	stageId: string,
	input: DealInput,
	selfId?: string,
): void {
	const { store, accountId } = context;
	const problems = new Problems();
	const pipeline = store.v2InAccount('pipelines', accountId, pipelineId);
	if (!pipeline) problems.add('pipeline_id', `pipeline ${pipelineId} does not exist`);
	else if (!pipeline.stages.some((stage) => stage.id === stageId))
		problems.add('stage_id', `is not a stage of pipeline "${pipeline.name}" (${pipeline.id})`);
	const refs = referenceChecks(context, problems);
	refs.contact('contact_id', input.contact_id);
	refs.user('owner_id', input.owner_id);
	if (input.external_id) {
		const holder = store
			.v2OfAccount('deals', accountId)
			.find((deal) => deal.external_id === input.external_id);
		if (holder && holder.id !== selfId) problems.add('external_id', 'has already been taken');
	}
	problems.throwIfAny();
}

function getMany(context: HandlerContext) {
	const { store, accountId, query } = context;
	const q = typeof query.q === 'string' ? query.q.toLowerCase() : undefined;
	const items = store
		.v2OfAccount('deals', accountId)
		.filter(
			(deal) =>
				(query.pipeline_id === undefined || deal.pipeline_id === query.pipeline_id) &&
				(query.stage_id === undefined || deal.stage_id === query.stage_id) &&
				(query.status === undefined || deal.status === query.status) &&
				(query.contact_id === undefined || deal.contact_id === query.contact_id) &&
				(query.owner_id === undefined || deal.owner_id === query.owner_id) &&
				(query.external_id === undefined || deal.external_id === query.external_id) &&
				(query.updated_since === undefined || deal.updated_at >= Number(query.updated_since)) &&
				(q === undefined || deal.title.toLowerCase().includes(q)),
		);
	return listPage(context, items, dealView);
}

function create(context: HandlerContext) {
	const { store, accountId, now } = context;
	const input = context.body as unknown as DealInput & {
		title: string;
		pipeline_id: string;
		stage_id: string;
	};
	checkDeal(context, input.pipeline_id, input.stage_id, input);
	const deal = store.insertV2('deals', {
		id: randomUUID(),
		account_id: accountId,
		title: input.title,
		value: input.value ?? null,
		currency: input.currency ?? 'USD',
		pipeline_id: input.pipeline_id,
		stage_id: input.stage_id,
		status: 'open',
		contact_id: input.contact_id ?? null,
		owner_id: input.owner_id ?? null,
		expected_close_at: input.expected_close_at ?? null,
		external_id: input.external_id ?? null,
		lost_reason: null,
		closed_at: null,
		custom_attributes: { ...(input.custom_attributes ?? {}) },
		created_at: now,
		updated_at: now,
	});
	const view = dealView(deal);
	context.emit('deal.created', view);
	return created(view);
}

function get(context: HandlerContext) {
	return ok(dealView(findV2(context, 'deals', 'deal_id', 'Deal')));
}

function update(context: HandlerContext) {
	const { store, now, body } = context;
	const deal = findV2(context, 'deals', 'deal_id', 'Deal');
	const input = body as DealInput;
	const pipelineId = input.pipeline_id ?? deal.pipeline_id;
	const stageId = input.stage_id ?? deal.stage_id;
	checkDeal(context, pipelineId, stageId, input, deal.id);
	const previousStage = deal.stage_id;
	const patch: Partial<DealRecord> = {
		updated_at: now,
		pipeline_id: pipelineId,
		stage_id: stageId,
	};
	for (const field of [
		'title',
		'value',
		'currency',
		'contact_id',
		'owner_id',
		'expected_close_at',
		'external_id',
	] as const) {
		if (sent(body, field)) (patch as Record<string, unknown>)[field] = input[field] ?? null;
	}
	if (sent(body, 'custom_attributes'))
		patch.custom_attributes = { ...deal.custom_attributes, ...(input.custom_attributes ?? {}) };
	store.updateV2('deals', deal, patch);
	const view = dealView(deal);
	context.emit('deal.updated', view);
	if (deal.stage_id !== previousStage)
		context.emit('deal.stage_changed', { ...view, previous_stage_id: previousStage });
	return ok(view);
}

function remove(context: HandlerContext) {
	const deal = findV2(context, 'deals', 'deal_id', 'Deal');
	context.store.deleteV2('deals', deal.id);
	return noContent();
}

function close(outcome: 'won' | 'lost') {
	return (context: HandlerContext) => {
		const { store, now } = context;
		const deal = findV2(context, 'deals', 'deal_id', 'Deal');
		if (deal.status !== 'open')
			throw new ApiError(
				409,
				`Deal ${deal.id} is already ${deal.status}: only open deals can be marked won or lost`,
			);
		const lostReason =
			outcome === 'lost' ? ((context.body.lost_reason as string | undefined) ?? null) : null;
		store.updateV2('deals', deal, {
			status: outcome,
			closed_at: now,
			lost_reason: lostReason,
			updated_at: now,
		});
		const view = dealView(deal);
		context.emit(`deal.${outcome}`, view);
		return ok(view);
	};
}

export const dealHandlers: HandlerMap = {
	'deal.getMany': getMany,
	'deal.create': create,
	'deal.get': get,
	'deal.update': update,
	'deal.delete': remove,
	'deal.markWon': close('won'),
	'deal.markLost': close('lost'),
};
