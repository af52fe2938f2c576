import type { NodeOperationError } from 'n8n-workflow';

/**
 * Input problems found by preSend checks. They are not thrown there: RoutingNode would turn them into error items
 * without a pairedItem. The shared request path throws them instead, before any request, paired with their item.
 */
const refusals = new WeakMap<object, NodeOperationError>();

/** Records the first problem of this item's request; later checks keep running but do not overwrite it. */
export function refuse(context: object, error: NodeOperationError): void {
	if (!refusals.has(context)) refusals.set(context, error);
}

/** RoutingNode runs preSend with the item's context and pagination with an object derived from it. */
export function takeRefusal(context: object): NodeOperationError | undefined {
	for (const candidate of [context, Object.getPrototypeOf(context) as object]) {
		const error = refusals.get(candidate);
		if (error) {
			refusals.delete(candidate);
			return error;
		}
	}
	return undefined;
}
