import { createHash } from 'crypto';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../transport/api';
import { normalizeBaseUrl } from '../transport/baseUrl';
import { hasRefusal, refuse } from '../validation/refusals';
import { ItemState } from '../state/itemState';
import { apiRequest, singleRequest } from '../transport/request';

/**
 * Create or Update by an external key (e.g. a deal's `external_id`): one request per item, never a duplicate.
 *
 * The preSend looks the record up (GET <path>?<query>=<value> through apiRequest) and turns the operation's POST
 * into a PATCH of the record it found. RoutingNode runs the items of an execution concurrently, so two items with
 * the same key could both miss and both create: the lookup takes a lock per (credential, path, key) that the
 * operation's request function releases once the write is answered, so such items run one after the other and the
 * second one updates what the first created.
 */

const chains = new Map<string, Promise<void>>();
const releases = new ItemState<() => void>();

/**
 * Waits for the previous holder of `key`. Every holder is released by `upsertRequest`, which RoutingNode always
 * runs after the preSends (they only record problems, never throw), so a lock can not be lost.
 */
async function acquire(key: string): Promise<() => void> {
	const previous = chains.get(key) ?? Promise.resolve();
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => {
		release = resolve;
	});
	const tail = previous.then(() => held);
	chains.set(key, tail);
	await previous;
	return () => {
		release();
		if (chains.get(key) === tail) chains.delete(key);
	};
}

function releaseLock(context: object): void {
	releases.take(context)?.();
}

export interface UpsertSpec {
	/** The v2 list to look the record up in, e.g. `/deals`. */
	path: string;
	/** Query parameter and record field holding the key, e.g. `external_id`. */
	key: string;
	/** The node parameter with the key's value. */
	parameter: string;
}

/** preSend (the operation's last): finds the record by its key and makes the request a PATCH of it when it exists. */
export function lookupForUpsert(spec: UpsertSpec) {
	return async function findByKey(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = String(this.getNodeParameter(spec.parameter, '') ?? '').trim();
		if (!value || hasRefusal(this)) return options; // refused by the operation's checks: no request at all
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const lockKey = createHash('sha256')
			.update([normalizeBaseUrl(credentials.baseUrl), String(credentials.apiToken), String(credentials.accountId), spec.path, value].join('\n'))
			.digest('hex');
		releases.set(this, await acquire(lockKey));
		try {
			const body = (await apiRequest(this, 'GET', accountPath('v2', credentials.accountId, spec.path), { qs: { [spec.key]: value, page: 1, per_page: 2 } })) as IDataObject;
			const found = (Array.isArray(body?.data) ? body.data : []) as IDataObject[];
			const existing = found.find((record) => record[spec.key] === value);
			if (existing) {
				options.method = 'PATCH';
				options.url = `${String(options.url).replace(/\/$/, '')}/${encodeURIComponent(String(existing.id))}`;
				const headers = { ...(options.headers ?? {}) } as IDataObject;
				delete headers['Idempotency-Key'];
				options.headers = headers;
			}
		} catch (error) {
			const problem = error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error);
			refuse(this, problem);
		}
		return options;
	};
}

/** The request function of an upsert operation: the request (POST or PATCH), then the lookup's lock is released. */
export async function upsertRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await singleRequest.call(this, requestData);
	} finally {
		releaseLock(this);
	}
}

/** postReceive: says what the upsert did, as Contact → Create or Update does (`action: created|updated`). */
export async function markUpsertAction(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const action = response.statusCode === 201 ? 'created' : 'updated';
	return items.map((item) => ({ ...item, json: { ...item.json, action } }));
}
