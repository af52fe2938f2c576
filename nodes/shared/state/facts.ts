import type { IDataObject } from 'n8n-workflow';

import { ItemState } from './itemState';

/**
 * What a composite operation's preSend learnt (the contact it found or created, the conversation it reused…),
 * for its postReceive to put in the output.
 */
const facts = new ItemState<IDataObject>();

export function rememberFacts(context: object, data: IDataObject): void {
	facts.set(context, { ...(facts.get(context) ?? {}), ...data });
}

export function recallFacts(context: object): IDataObject {
	return facts.get(context) ?? {};
}
