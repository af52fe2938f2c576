import type { IDataObject } from 'n8n-workflow';

/**
 * What a composite operation's preSend learnt (the contact it found or created, the conversation it reused…),
 * for its postReceive to put in the output. Keyed by the item's execution context, as refusals.ts is: RoutingNode
 * runs preSend and postReceive with the item context and pagination with an object derived from it.
 */
const facts = new WeakMap<object, IDataObject>();

export function rememberFacts(context: object, data: IDataObject): void {
	facts.set(context, { ...(facts.get(context) ?? {}), ...data });
}

export function recallFacts(context: object): IDataObject {
	return facts.get(context) ?? facts.get(Object.getPrototypeOf(context) as object) ?? {};
}
