import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The fields HueChat's v2 answers give in unix seconds, per resource (the OpenAPI document's "Unix seconds" fields of
 * each resource's v2 answers; test/node/outputs.test.ts derives the same table from it). The other v2 resources
 * (broadcasts, templates, outbound webhooks) already answer ISO 8601, and v1 stays as Chatwoot answers it.
 */
export const V2_UNIX_DATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
	aiAgent: ['created_at', 'updated_at', 'started_at', 'ended_at'],
	contactList: ['created_at', 'updated_at', 'last_activity_at'],
	deal: ['expected_close_at', 'closed_at', 'created_at', 'updated_at'],
	pipeline: ['created_at', 'updated_at'],
	ticket: ['due_at', 'solved_at', 'closed_at', 'created_at', 'updated_at'],
};

/** The resource a v2 webhook event's `data` is, by the event's family (`deal.won` → deal), where it has such dates. */
const V2_EVENT_RESOURCES: Readonly<Record<string, string>> = {
	ai_agent: 'aiAgent',
	deal: 'deal',
	ticket: 'ticket',
};

function withIsoDates(record: unknown, fields: readonly string[]): unknown {
	if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
	const converted: IDataObject = { ...(record as IDataObject) };
	for (const field of fields) {
		const seconds = converted[field];
		if (typeof seconds === 'number' && Number.isFinite(seconds))
			converted[field] = new Date(seconds * 1000).toISOString();
	}
	return converted;
}

/**
 * postReceive of every operation, on the whole answer before anything picks the records out of it: a v2 record's
 * unix seconds become ISO 8601 strings, as n8n passes dates between nodes (and as the node's date fields take them).
 * A v2 answer is one record or `{data: [records], meta}`; null (not set) stays null.
 */
export async function isoDatesOfV2Records(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const fields = V2_UNIX_DATE_FIELDS[String(this.getNodeParameter('resource', ''))];
	if (!fields) return items;
	return items.map((item) => {
		const body = item.json as unknown as IDataObject | null; // null or '' for an empty answer
		const json = Array.isArray(body?.data)
			? { ...body, data: body.data.map((record) => withIsoDates(record, fields)) }
			: withIsoDates(body, fields);
		return { ...item, json: json as IDataObject };
	});
}

/** The `data` of a v2 webhook event with its dates as ISO 8601, as the HueChat node outputs the same record. */
export function isoDatesOfEventData(event: string, data: IDataObject): IDataObject {
	const fields = V2_UNIX_DATE_FIELDS[V2_EVENT_RESOURCES[event.split('.')[0]] ?? ''];
	return fields ? (withIsoDates(data, fields) as IDataObject) : data;
}
