import { createHash } from 'crypto';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../transport/api';
import { normalizeBaseUrl } from '../transport/baseUrl';
import { hasRefusal, refuse } from '../validation/refusals';
import { recallFacts, rememberFacts } from '../state/facts';
import { ItemState } from '../state/itemState';
import { apiRequest, singleRequest } from '../transport/request';

/**
 * The one create-or-update engine (Deal → Create or Update, Contact → Create or Update): a preSend that finds the
 * record by its unique key and routes the operation's request to update it, or to create it when there is none.
 * Never a duplicate, whichever way the kind keeps items of one run apart:
 * - `serialize` (deals, whose write is the routed request): RoutingNode runs the items of an execution
 *   concurrently, so two items with the same key could both miss and both create. The lookup takes a lock per
 *   (credential, key) that `createOrUpdateRequest` releases once the write is answered, so such items run one
 *   after the other and the later one updates what the earlier one created.
 * - a `create` made here (contacts): HueChat answers a create that lost the race with 422, and the kind looks again.
 * What was done (`created` or `updated`) is kept for the postReceive `withAction`.
 */
export interface CreateOrUpdateSpec<Key extends { value: string }> {
	/** Reads (and checks) the item's key; undefined when it is missing or was refused. */
	readKey(context: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<Key | undefined>;
	/** Items with the same key wait for each other; the scope (e.g. `/deals`) is part of the lock's name. */
	serialize?: { scope: string };
	/** The record holding the key, if any. */
	find(context: IExecuteSingleFunctions, key: Key): Promise<IDataObject | undefined>;
	/** Routes the request to update the record found. */
	update(
		context: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
		record: IDataObject,
		key: Key,
	): Promise<void>;
	/** Routes the request when none was found; answers what it did (default: the request creates, unchanged). */
	create?(
		context: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
		key: Key,
	): Promise<UpsertAction>;
}

export type UpsertAction = 'created' | 'updated';

const chains = new Map<string, Promise<void>>();
const releases = new ItemState<() => void>();

/**
 * Waits for the previous holder of `key`. Every holder is released by `createOrUpdateRequest`, which RoutingNode
 * always runs after the preSends (they only record problems, never throw), so a lock can not be lost.
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

async function lockName(
	context: IExecuteSingleFunctions,
	scope: string,
	value: string,
): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return createHash('sha256')
		.update(
			[
				normalizeBaseUrl(credentials.baseUrl),
				String(credentials.apiToken),
				String(credentials.accountId),
				scope,
				value,
			].join('\n'),
		)
		.digest('hex');
}

/** preSend (the operation's last): see CreateOrUpdateSpec. */
export function createOrUpdate<Key extends { value: string }>(spec: CreateOrUpdateSpec<Key>) {
	return async function findAndRoute(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const key = hasRefusal(this) ? undefined : await spec.readKey(this, options);
		if (!key || !key.value || hasRefusal(this)) return options; // refused by the operation's checks: no request at all
		if (spec.serialize)
			releases.set(this, await acquire(await lockName(this, spec.serialize.scope, key.value)));
		try {
			const existing = await spec.find(this, key);
			let action: UpsertAction = 'created';
			if (existing) {
				await spec.update(this, options, existing, key);
				action = 'updated';
			} else if (spec.create) {
				action = await spec.create(this, options, key);
			}
			rememberFacts(this, { action });
		} catch (error) {
			const problem =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error);
			refuse(this, problem);
		}
		return options;
	};
}

/** The request function of a create-or-update operation: the request, then the lookup's lock (if any) is released. */
export async function createOrUpdateRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await singleRequest.call(this, requestData);
	} finally {
		releases.take(this)?.();
	}
}

/** What the create-or-update did for this item. */
export function upsertActionOf(context: IExecuteSingleFunctions): UpsertAction {
	return recallFacts(context).action === 'created' ? 'created' : 'updated';
}

/** postReceive: adds `action: created|updated` to the output. */
export async function withAction(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const action = upsertActionOf(this);
	return items.map((item) => ({ ...item, json: { ...item.json, action } }));
}

/** Finds a v2 record by a key its list filters on (e.g. GET /deals?external_id=…). */
export async function findV2ByKey(
	context: IExecuteSingleFunctions,
	path: string,
	key: string,
	value: string,
): Promise<IDataObject | undefined> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const body = (await apiRequest(context, 'GET', accountPath('v2', credentials.accountId, path), {
		qs: { [key]: value, page: 1, per_page: 2 },
	})) as IDataObject;
	const found = (Array.isArray(body?.data) ? body.data : []) as IDataObject[];
	return found.find((record) => record[key] === value);
}

/** Routes a create (POST <collection>) to a PATCH of the record instead; its Idempotency-Key was for the create. */
export function patchInstead(options: IHttpRequestOptions, record: IDataObject): void {
	options.method = 'PATCH';
	options.url = `${String(options.url).replace(/\/$/, '')}/${encodeURIComponent(String(record.id))}`;
	const headers = { ...(options.headers ?? {}) } as IDataObject;
	delete headers['Idempotency-Key'];
	options.headers = headers;
}
