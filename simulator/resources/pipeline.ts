// Pipelines (v2): read-only here, each with its stages {id, name, position, probability}. Reference:
// docs/contract.md §3. Deals (deal.ts) must sit in a stage of their pipeline.
import { ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { pipelineView } from '../views.ts';
import { findV2, listPage } from './v2.ts';

function getMany(context: HandlerContext) {
	const pipelines = [...context.store.v2OfAccount('pipelines', context.accountId)].sort(
		(a, b) => a.position - b.position,
	);
	return listPage(context, pipelines, pipelineView);
}

function get(context: HandlerContext) {
	return ok(pipelineView(findV2(context, 'pipelines', 'pipeline_id', 'Pipeline')));
}

export const pipelineHandlers: HandlerMap = {
	'pipeline.getMany': getMany,
	'pipeline.get': get,
};
