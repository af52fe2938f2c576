/**
 * State one item's request functions share: what a preSend found for the postReceive, the problem a check recorded
 * for the request function, the item's last raw response, its lock, its settings read once.
 *
 * Why it is keyed the way it is: n8n-core's RoutingNode builds one execution context per item and calls that item's
 * preSend and postReceive functions with it as `this`. The request function (the node's
 * `requestOperations.pagination`) gets `Object.create(itemContext)` instead, a fresh object whose prototype is the
 * item context. So a value is stored under the context it was set with, and read from that context or, for a
 * request function's context, from its prototype. test/node/itemState.test.ts pins that behaviour of n8n-core.
 *
 * The keys are weak: an item's state goes away with its context.
 */
export class ItemState<T> {
	private readonly values = new WeakMap<object, T>();

	/** The value set for this item, from its own context or from the item context a request function's derives from. */
	get(context: object): T | undefined {
		return this.values.get(context) ?? this.values.get(Object.getPrototypeOf(context) as object);
	}

	has(context: object): boolean {
		return this.get(context) !== undefined;
	}

	set(context: object, value: T): void {
		this.values.set(context, value);
	}

	/** The value, removed from whichever context held it. */
	take(context: object): T | undefined {
		for (const candidate of [context, Object.getPrototypeOf(context) as object]) {
			const value = this.values.get(candidate);
			if (value !== undefined) {
				this.values.delete(candidate);
				return value;
			}
		}
		return undefined;
	}
}
