import { createHash } from 'crypto';
import type {
	DeclarativeRestApiSettings,
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IWebhookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './api';
import { assertSafeBaseUrl, normalizeBaseUrl } from './baseUrl';
import { networkError, problemToError, readProblem } from './errors';
import { DEFAULT_MAX_CONCURRENCY, pacerFor, type Pacer } from './pacing';
import { takeRefusal } from '../validation/refusals';
import { ItemState } from '../state/itemState';
import {
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	rateLimitWait,
	RETRYABLE_STATUSES,
	retryableNetworkCode,
	waitOrAbort,
	type RetryPolicy,
} from './retry';
import { valueAt } from '../output/valueAt';

/**
 * The one request path every operation takes. RoutingNode hands each item's request to the node's
 * `requestOperations.pagination` function (every operation has `paginate` on), so pacing, retries, error
 * mapping and paging live here once. `inspectResponse` is the first postReceive action of every operation.
 */

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** Thrown by inspectResponse for an HTTP error, so the retry loop sees the status and headers. */
class HttpFailure extends Error {
	constructor(readonly response: IN8nHttpFullResponse) {
		super(`HTTP ${response.statusCode}`);
	}
}

/** The raw response of the latest request made for an item, keyed by its execution context. */
const lastResponses = new ItemState<IN8nHttpFullResponse>();

/** postReceive, first for every operation: remembers the raw page and stops HTTP errors from becoming items. */
export async function inspectResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	lastResponses.set(this, response);
	if (response.statusCode >= 400) throw new HttpFailure(response);
	return items;
}

type RequestContext =
	IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** The node's Request Options (Settings tab): how often to try and how many requests may run at once. */
interface RequestSettings {
	policy: RetryPolicy;
	maxConcurrency: number;
}

/** Read once per item context: getNodeParameter costs n8n a parameter resolution, and a list asks once per page. */
const settingsOf = new ItemState<RequestSettings>();

function requestSettings(context: RequestContext): RequestSettings {
	let settings = settingsOf.get(context);
	if (!settings) settingsOf.set(context, (settings = readRequestSettings(context)));
	return settings;
}

function readRequestSettings(context: RequestContext): RequestSettings {
	const read = (name: string, fallback: number): number => {
		try {
			const value = Number(context.getNodeParameter(`requestOptions.${name}`, fallback));
			return Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
		} catch {
			// Contexts without node parameters (credential tests, some editor calls) use the defaults.
			return fallback;
		}
	};
	return {
		policy: {
			...DEFAULT_RETRY_POLICY,
			maxAttempts: Math.min(10, read('maxAttempts', DEFAULT_RETRY_POLICY.maxAttempts)),
		},
		maxConcurrency: Math.min(32, read('maxConcurrency', DEFAULT_MAX_CONCURRENCY)),
	};
}

/**
 * The key digest of a request context, per base URL. getCredentials() costs n8n a database read and a decryption
 * (~0.5 ms); a list calls this once per page with the same context, so it is read once per item, not per page.
 */
const keyDigests = new ItemState<Map<string, string>>();
/** The credential as the item read it, for its routed requests (see reuseItemCredentials). */
const itemCredentials = new ItemState<ICredentialDataDecryptedObject>();

async function pacerForCredentials(
	context: RequestContext,
	baseUrl: string,
	maxConcurrency: number,
): Promise<Pacer> {
	let digests = keyDigests.get(context);
	let keyDigest = digests?.get(baseUrl);
	if (keyDigest === undefined) {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		itemCredentials.set(context, credentials);
		keyDigest = createHash('sha256')
			.update(`${baseUrl}\n${String(credentials.apiToken)}`)
			.digest('hex');
		if (!digests) keyDigests.set(context, (digests = new Map()));
		digests.set(baseUrl, keyDigest);
	}
	return pacerFor(keyDigest, maxConcurrency);
}

/**
 * n8n reads the credential from its database and decrypts it again for every request RoutingNode makes (50,000
 * contacts in real n8n: 3.87 s with a read per page, 2.63 s without). The item has read it once already: its routed
 * requests pass that to httpRequestWithAuthentication as the `credentialsDecrypted` it accepts, so n8n still
 * authenticates each request with the credential's own `authenticate`, without the read. The helpers belong to this
 * item's context.
 */
const reusing = new WeakSet<object>();

function reuseItemCredentials(context: IExecutePaginationFunctions): void {
	const helpers = context.helpers;
	const credentials = itemCredentials.get(context);
	if (!credentials || reusing.has(helpers)) return;
	reusing.add(helpers);
	const authenticated = helpers.httpRequestWithAuthentication;
	helpers.httpRequestWithAuthentication = async function (
		this: IExecuteSingleFunctions,
		credentialsType: string,
		requestOptions: IHttpRequestOptions,
		additionalCredentialOptions?: IAdditionalCredentialOptions,
	) {
		const reuse =
			credentialsType === CREDENTIAL_TYPE && !additionalCredentialOptions?.credentialsDecrypted;
		return await authenticated.call(
			this,
			credentialsType,
			requestOptions,
			reuse
				? {
						...additionalCredentialOptions,
						credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: credentials },
					}
				: additionalCredentialOptions,
		);
	};
}

function cancelSignal(context: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Runs `attempt` under the key's pacer until it succeeds, fails for good or the retries run out; the failure
 * then comes out as a NodeApiError in HueChat's words. Every HueChat request of this package goes through here.
 */
async function pacedWithRetries<T>(
	context: RequestContext,
	baseUrl: string | undefined,
	attempt: (pacer: Pacer) => Promise<T>,
): Promise<T> {
	assertSafeBaseUrl(context.getNode(), baseUrl);
	const { policy, maxConcurrency } = requestSettings(context);
	const pacer = await pacerForCredentials(context, baseUrl ?? '', maxConcurrency);
	const signal = cancelSignal(context);
	for (let attemptNumber = 1; ; attemptNumber++) {
		await pacer.acquire(signal);
		const startedMs = Date.now();
		let failure: unknown;
		try {
			return await attempt(pacer);
		} catch (error) {
			failure = error;
		} finally {
			pacer.release(Date.now() - startedMs);
		}
		const delay = retryDelay(failure, attemptNumber, policy, pacer);
		if (delay === undefined) throw finalError(context, failure, attemptNumber);
		await waitOrAbort(delay, signal);
	}
}

interface Sent {
	items: INodeExecutionData[];
	response: IN8nHttpFullResponse | undefined;
}

/** One routed request (or one page of a list) with the operation's own postReceive chain. */
async function send(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	extraQuery: IDataObject,
): Promise<Sent> {
	const options = {
		...requestData.options,
		qs: { ...(requestData.options.qs ?? {}), ...extraQuery },
	};
	return await pacedWithRetries(context, options.baseURL, async (pacer) => {
		reuseItemCredentials(context);
		const items = await context.makeRoutingRequest({ ...requestData, options });
		// with pages read side by side this may be another page's response: of the same key, all the pacer needs
		const response = lastResponses.get(context);
		pacer.observe(response?.headers);
		return { items, response };
	});
}

/**
 * A request made by code rather than routing (resource locator searches, the trigger's subscription calls),
 * through the same pacing, retries and error mapping. Answers the parsed body.
 */
export async function apiRequest(
	context: RequestContext,
	method: IHttpRequestMethods,
	url: string,
	{ qs, body, headers }: { qs?: IDataObject; body?: IDataObject; headers?: IDataObject } = {},
): Promise<unknown> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const baseURL = normalizeBaseUrl(credentials.baseUrl);
	return await pacedWithRetries(context, baseURL, async (pacer) => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			{
				method,
				baseURL,
				url,
				qs,
				body,
				...(headers ? { headers } : {}),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			},
		)) as IN8nHttpFullResponse;
		if (response.statusCode >= 400) throw new HttpFailure(response);
		pacer.observe(response.headers);
		return response.body;
	});
}

/** How long to wait before the next attempt, or undefined when this failure must not be repeated. */
function retryDelay(
	failure: unknown,
	attempt: number,
	policy: RetryPolicy,
	pacer: Pacer,
): number | undefined {
	if (attempt >= policy.maxAttempts) return undefined;
	if (failure instanceof HttpFailure) {
		const { statusCode, headers } = failure.response;
		pacer.observe(headers);
		if (!RETRYABLE_STATUSES.has(statusCode)) return undefined;
		if (statusCode === 429) {
			const wait = rateLimitWait(headers, Date.now());
			pacer.block(Date.now() + wait);
			return wait + backoffDelay(attempt, policy) / 4;
		}
		return backoffDelay(attempt, policy);
	}
	return retryableNetworkCode(failure) ? backoffDelay(attempt, policy) : undefined;
}

function finalError(
	context: RequestContext,
	failure: unknown,
	attempts: number,
): NodeApiError | NodeOperationError {
	const node = context.getNode();
	if (failure instanceof HttpFailure)
		return problemToError(node, readProblem(failure.response), attempts);
	const code = retryableNetworkCode(failure);
	if (code) return networkError(node, code, attempts);
	if (failure instanceof NodeOperationError) return failure;
	// Anything else (an expression or parameter problem) keeps its message but never the request config.
	const message = failure instanceof Error ? failure.message : String(failure);
	return new NodeOperationError(node, message);
}

/**
 * Pairs every output item with its input item, and under Continue On Fail turns this item's failure into its
 * error item here (RoutingNode would add it unpaired), so errors stay next to the input they belong to.
 */
async function pairedWithInput(
	context: IExecutePaginationFunctions,
	produce: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: context.getItemIndex() };
	let failure: unknown;
	try {
		const refusal = takeRefusal(context);
		if (refusal) throw refusal;
		return (await produce()).map((item) => ({ ...item, pairedItem }));
	} catch (error) {
		failure = error;
	}
	const nodeError =
		failure instanceof NodeApiError || failure instanceof NodeOperationError
			? failure
			: finalError(context, failure, 1);
	if (context.continueOnFail()) return [{ json: {}, error: nodeError, pairedItem }];
	throw nodeError;
}

/** The default for operations that are not lists: one request, paced and retried. */
export async function singleRequest(
	this: IExecutePaginationFunctions,
	requestData: RequestData,
): Promise<INodeExecutionData[]> {
	return await pairedWithInput(this, async () => (await send(this, requestData, {})).items);
}

/** How a list is paged. The five shapes HueChat uses; each list operation names its shape as data. */
export type ListShape =
	| { style: 'pages'; root: string; pageSize: number; total?: string }
	| { style: 'hasMore'; root: string; hasMore: string }
	| { style: 'before'; root: string }
	| { style: 'perPage'; root: string; perPage: number }
	| { style: 'whole'; root?: string };

interface PageView {
	body: IDataObject;
	raw: IDataObject[];
	query: IDataObject;
	collected: number;
}

interface Pager {
	first(maxResults: number | undefined): IDataObject;
	next(page: PageView): IDataObject | undefined;
	/**
	 * Lists whose first page says how many pages there are: the queries of the pages after it (up to what
	 * `maxResults` needs), fetched side by side. `next` still runs on the last of them, so a list that grew while
	 * it was read is followed to its end.
	 */
	rest?(first: PageView, maxResults: number | undefined): IDataObject[];
	/** Cursor lists come newest page first; keep the output in chronological order. */
	prepend?: boolean;
}

/** Queries for pages `from`..`to` (inclusive), on top of `query`. */
function pageRange(query: IDataObject, from: number, to: number): IDataObject[] {
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => ({
		...query,
		page: from + index,
	}));
}

function pagerFor(shape: ListShape): Pager {
	const pagers: {
		[Style in ListShape['style']]: (s: Extract<ListShape, { style: Style }>) => Pager;
	} = {
		pages: (s) => ({
			first: () => ({ page: 1 }),
			next: ({ body, raw, query, collected }) => {
				const total = Number(valueAt(body, s.total));
				if (raw.length < s.pageSize || (Number.isFinite(total) && collected >= total))
					return undefined;
				return { page: Number(query.page) + 1 };
			},
			rest: ({ body, raw, query }, maxResults) => {
				const total = s.total ? Number(valueAt(body, s.total)) : NaN;
				if (!Number.isFinite(total) || raw.length < s.pageSize) return [];
				return pageRange(query, 2, Math.ceil(Math.min(total, maxResults ?? total) / s.pageSize));
			},
		}),
		hasMore: (s) => ({
			first: () => ({ page: 1 }),
			next: ({ body, raw, query }) =>
				raw.length && valueAt(body, s.hasMore) === true
					? { page: Number(query.page) + 1 }
					: undefined,
		}),
		before: () => ({
			first: () => ({}),
			next: ({ raw }) =>
				raw.length ? { before: Math.min(...raw.map((item) => Number(item.id))) } : undefined,
			prepend: true,
		}),
		perPage: (s) => ({
			first: (maxResults) => ({ page: 1, per_page: Math.min(s.perPage, maxResults ?? s.perPage) }),
			next: ({ body, raw, query }) => {
				const totalPages = Number(valueAt(body, 'meta.total_pages'));
				const more = Number.isFinite(totalPages)
					? Number(query.page) < totalPages
					: raw.length >= Number(query.per_page);
				return more && raw.length ? { ...query, page: Number(query.page) + 1 } : undefined;
			},
			rest: ({ body, raw, query }, maxResults) => {
				const totalPages = Number(valueAt(body, 'meta.total_pages'));
				const perPage = Number(query.per_page);
				if (!Number.isFinite(totalPages) || raw.length < perPage) return [];
				return pageRange(
					query,
					2,
					Math.min(
						totalPages,
						maxResults === undefined ? totalPages : Math.ceil(maxResults / perPage),
					),
				);
			},
		}),
		whole: () => ({ first: () => ({}), next: () => undefined }),
	};
	return (pagers[shape.style] as (s: ListShape) => Pager)(shape);
}

/**
 * A list operation's request function: pages through the list in its shape until it ends or `limit` is
 * reached, drops an item repeated at a page boundary (the list moved between two pages), and keeps order.
 */
export function listRequests(shape: ListShape) {
	const pager = pagerFor(shape);
	return async function requestList(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		return await pairedWithInput(
			this,
			async () => await collectPages(this, requestData, shape, pager),
		);
	};
}

/** The pages of `queries`, in their order, fetched by at most `workers` requests at a time; the first failure stops it. */
async function fetchPages(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	queries: IDataObject[],
	workers: number,
): Promise<Sent[]> {
	const pages: Sent[] = new Array(queries.length);
	let nextIndex = 0;
	let failure: { error: unknown } | undefined;
	const worker = async (): Promise<void> => {
		while (!failure && nextIndex < queries.length) {
			const index = nextIndex++;
			try {
				pages[index] = await send(context, requestData, queries[index]);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(workers, queries.length) }, worker));
	if (failure) throw failure.error;
	return pages;
}

async function collectPages(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	shape: ListShape,
	pager: Pager,
): Promise<INodeExecutionData[]> {
	const maxResults =
		requestData.maxResults === undefined ? undefined : Number(requestData.maxResults);
	const pages: INodeExecutionData[][] = [];
	const seen = new Set<unknown>();
	let collected = 0;
	/** Keeps a page's items not seen before; answers false once `maxResults` items are in. */
	const keep = (items: INodeExecutionData[]): boolean => {
		const fresh = items.filter((item) => {
			const id = item.json?.id;
			if (id === undefined) return true;
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
		pages.push(fresh);
		collected += fresh.length;
		return maxResults === undefined || collected < maxResults;
	};
	let query: IDataObject | undefined = pager.first(maxResults);
	let first = true;
	while (query) {
		const { items, response } = await send(context, requestData, query);
		if (!keep(items)) break;
		const body = (response?.body ?? {}) as IDataObject;
		const raw = valueAt(body, shape.root);
		const view: PageView = {
			body,
			raw: Array.isArray(raw) ? (raw as IDataObject[]) : items.map((i) => i.json),
			query,
			collected,
		};
		const rest = first && pager.rest ? pager.rest(view, maxResults) : [];
		first = false;
		if (rest.length) {
			// All but the last side by side (they share the item context, so none of their responses is read), then
			// the last alone: its own response says whether the list grew meanwhile and goes on.
			const last = rest.pop() as IDataObject;
			const fetched = await fetchPages(
				context,
				requestData,
				rest,
				requestSettings(context).maxConcurrency,
			);
			if (!fetched.every((page) => keep(page.items))) break;
			query = last;
			continue;
		}
		query = pager.next(view);
	}
	if (pager.prepend) pages.reverse();
	const all = pages.flat();
	return maxResults !== undefined && pager.prepend ? all.slice(-maxResults) : all;
}

/** The failure as HueChat's error, with `note` put before its description. */
function withNote(
	context: IExecutePaginationFunctions,
	failure: unknown,
	note: string | undefined,
): NodeApiError | NodeOperationError {
	const error =
		failure instanceof NodeApiError || failure instanceof NodeOperationError
			? failure
			: finalError(context, failure, 1);
	if (note) error.description = [note, error.description].filter(Boolean).join(' ');
	return error;
}

/** How a body array too long for one call is sent: `property` in chunks of `size`, the `sum` fields added up. */
export interface BatchShape {
	property: string;
	size: number;
	sum: string[];
}

/**
 * The request function of operations that take any number of ids (e.g. Add Contacts, ≤ 1,000 a call): one paced,
 * retried call per chunk of `property`, in order, and ONE output item with the `sum` fields added up. When a call
 * fails, the error says what the calls before it already did (they are not undone).
 */
export function batchRequests(shape: BatchShape) {
	return async function requestBatches(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		return await pairedWithInput(this, async () => {
			const body = (requestData.options.body ?? {}) as IDataObject;
			const values = Array.isArray(body[shape.property]) ? (body[shape.property] as unknown[]) : [];
			const totals: IDataObject = Object.fromEntries(shape.sum.map((field) => [field, 0]));
			const calls = Math.max(1, Math.ceil(values.length / shape.size));
			for (let call = 0; call < calls; call++) {
				const chunk = values.slice(call * shape.size, (call + 1) * shape.size);
				const options = { ...requestData.options, body: { ...body, [shape.property]: chunk } };
				let items: INodeExecutionData[];
				try {
					({ items } = await send(this, { ...requestData, options }, {}));
				} catch (error) {
					const done = shape.sum.map((field) => `${field}: ${String(totals[field])}`).join(', ');
					throw withNote(
						this,
						error,
						call > 0
							? `Calls 1 to ${call} of ${calls} succeeded before this one (${done}).`
							: undefined,
					);
				}
				for (const item of items) {
					for (const field of shape.sum)
						totals[field] = Number(totals[field]) + Number(item.json[field] ?? 0);
				}
			}
			return [{ json: totals }];
		});
	};
}

/** postReceive: the list (or object) at `path` of the response, one item each; nothing when it is absent. */
export function itemsAt(path: string) {
	return async function extractItems(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return items.flatMap((item) => {
			const value = valueAt(item.json, path);
			if (value === undefined || value === null) return [];
			return (Array.isArray(value) ? value : [value]).map((json) => ({
				json: json as IDataObject,
			}));
		});
	};
}

/** postReceive for deletes: HueChat answers 204 (or the deleted record); n8n users expect `{deleted: true}`. */
export async function confirmDeleted(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { deleted: true } }];
}
