import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ItemState } from '../state/itemState';

/** An input problem, or an API error met by a composite operation's preparatory requests. */
type ItemRefusal = NodeOperationError | NodeApiError;

/**
 * Input problems found by preSend checks. They are not thrown there: RoutingNode would turn them into error items
 * without a pairedItem. The shared request path throws them instead, before any request, paired with their item.
 */
const refusals = new ItemState<ItemRefusal>();

/** Records the first problem of this item's request; later checks keep running but do not overwrite it. */
export function refuse(context: object, error: ItemRefusal): void {
	if (!refusals.has(context)) refusals.set(context, error);
}

/** Whether a problem was already recorded for this item (composite preSends then make no request). */
export function hasRefusal(context: object): boolean {
	return refusals.has(context);
}

/** The recorded problem, for the request function to throw (once). */
export function takeRefusal(context: object): ItemRefusal | undefined {
	return refusals.take(context);
}
