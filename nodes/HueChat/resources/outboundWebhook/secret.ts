import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';

/**
 * postReceive: drops `secret` from every item. A webhook's signing secret is output only by the operations whose
 * purpose is to hand it over (Create, Rotate Secret), never by reads or updates, even if an API version returned it.
 */
export async function withoutSecret(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		if (!item.json || !('secret' in item.json)) return item;
		const json = { ...item.json };
		delete json.secret;
		return { ...item, json };
	});
}

/** The routing with `withoutSecret` as its last postReceive action (after the items were extracted). */
export function droppingSecret(
	routing: INodePropertyOptions['routing'],
): INodePropertyOptions['routing'] {
	return {
		...routing,
		output: {
			...routing?.output,
			postReceive: [...(routing?.output?.postReceive ?? []), withoutSecret],
		},
	};
}
