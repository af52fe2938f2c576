import type { IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * One item's view of a programmatic (`customOperations`) execution, so the shared request path, written for
 * routing's per-item contexts, serves it too: parameters, input and binary data are read for `itemIndex`, everything
 * else is the execution's.
 */
export function itemContext(
	context: IExecuteFunctions,
	itemIndex: number,
): IExecuteSingleFunctions {
	const view = Object.create(context) as Record<string, unknown>;
	view.getNodeParameter = (name: string, fallback?: unknown, options?: object) =>
		context.getNodeParameter(name, itemIndex, fallback as never, options);
	view.getItemIndex = () => itemIndex;
	view.getInputData = () => context.getInputData()[itemIndex];
	// the binary helpers an item's context has take the property name only (readBinaryFiles reads Attachments so)
	view.helpers = Object.assign(Object.create(context.helpers) as object, {
		assertBinaryData: (name: string) => context.helpers.assertBinaryData(itemIndex, name),
		getBinaryDataBuffer: async (name: string) =>
			await context.helpers.getBinaryDataBuffer(itemIndex, name),
	});
	return view as unknown as IExecuteSingleFunctions;
}
