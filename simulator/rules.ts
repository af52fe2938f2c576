// Every general rule of the HueChat API (docs/contract.md §1) in one place, applied to each API request in
// this order:
//   1. per-key fixed-window rate limit: every request is counted (requests without a valid key per
//      client address), and X-RateLimit-Limit / -Remaining / -Reset go on every response, errors included
//   2. (opt-in) plain HTTP to a non-loopback host              → 426 upgrade_required
//      auth: missing / unknown / expired key                   → 401 unauthorized
//        (the key in `api_access_token` or `Api-Access-Token`, the spellings a Rails app reads: chatwoot.ts)
//      over the key's limit                                    → 429 rate_limited + Retry-After
//   3. route: method + path matched against the OpenAPI paths  → 404 not_found
//      path parameters of the wrong type (e.g. /contacts/abc)  → 404 not_found
//   4. account: the key is not valid for {account_id}          → 401 unauthorized
//      the account does not exist                              → 404 not_found
//   5. scope: GET needs <family>:read, POST/PUT/PATCH :write, DELETE :delete (or `*`) → 403 insufficient_scope
//   6. validation against the document (ajv, compiled once per operation):
//      malformed JSON, a body that is not an object           → 400 invalid_parameter
//      multipart/form-data where the document declares it: parsed (Rails brackets), its strings coerced to the schema
//      unknown body fields on /api/v2 paths                    → 400 invalid_parameter (v1 ignores them, as Rails does)
//      v1 only, before validating: `page` read as Kaminari does (0, negative, text → 1), integer body fields cast
//      as ActiveRecord does ("1" → 1, "" → null): chatwoot.ts
//      wrong types, missing required fields, enum, length…     → 422 validation_failed with details {field: [problem]}
//   7. idempotency (operations that declare the Idempotency-Key header): same key + same body within
//      24 h → the first 2xx response replayed with `Idempotent-Replayed: true`; same key + another
//      body → 409 conflict. Keys are per API key. Only successful responses are stored.
//   8. the operation's handler; its ApiError becomes the error body, anything else a 500.
//   9. in the `chatwoot` convention, a v1 success is answered with Chatwoot's status and body where the operation's
//      `x-chatwoot` gives them (creates 200, deletes 200 with an empty body): chatwoot.ts
// Error bodies are always {error, code, status} (+ details on 422).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorObject } from 'ajv';
import { accessToken, asChatwootAnswer, readV1Query, type Convention } from './chatwoot.ts';
import type { EventBus } from './events.ts';
import { fingerprintSource, MultipartError, parseMultipart } from './multipart.ts';
import type { HandlerContext, HandlerMap, HandlerResult } from './handler.ts';
import type { ApiDocument, Operation } from './openapi.ts';
import type { Store } from './store.ts';

// ---- error bodies --------------------------------------------------------------------------------

export const ERROR_CODES: Readonly<Record<number, string>> = {
	400: 'invalid_parameter',
	401: 'unauthorized',
	403: 'insufficient_scope',
	404: 'not_found',
	409: 'conflict',
	422: 'validation_failed',
	426: 'upgrade_required',
	429: 'rate_limited',
	500: 'internal_error',
	501: 'not_implemented',
	502: 'upstream_unavailable',
	503: 'service_unavailable',
	504: 'gateway_timeout',
};

export function errorCodeFor(status: number): string {
	return ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_parameter');
}

export type ErrorDetails = Record<string, string[]>;

export interface ErrorBody {
	error: string;
	code: string;
	status: number;
	details?: ErrorDetails;
}

export function errorBody(status: number, message: string, details?: ErrorDetails): ErrorBody {
	const body: ErrorBody = { error: message, code: errorCodeFor(status), status };
	if (details !== undefined) body.details = details;
	return body;
}

/** Thrown by rules and handlers; becomes the HueChat error body. */
export class ApiError extends Error {
	readonly status: number;
	readonly details: ErrorDetails | undefined;

	constructor(status: number, message: string, details?: ErrorDetails) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.details = details;
	}

	get code(): string {
		return errorCodeFor(this.status);
	}

	toBody(): ErrorBody {
		return errorBody(this.status, this.message, this.details);
	}
}

export function notFound(message = 'Resource could not be found'): ApiError {
	return new ApiError(404, message);
}

export function badRequest(message: string): ApiError {
	return new ApiError(400, message);
}

/** 422 with `details`; the message lists the problems like Rails' full messages. */
export function validationFailed(details: ErrorDetails): ApiError {
	const parts = Object.entries(details).map(
		([field, problems]) => `${field} ${problems.join(', ')}`,
	);
	return new ApiError(422, `Validation failed: ${parts.join('; ')}`, details);
}

// ---- API keys ------------------------------------------------------------------------------------

export const DEFAULT_RPM = 600;
export const MAX_RPM = 100_000;

export interface ApiKey {
	token: string;
	scopes: string[];
	/** Requests per rate-limit window. */
	rpm: number;
	/** Unix seconds; null = never. */
	expiresAt: number | null;
	accountIds: number[];
	/** The user the key acts as (profile, `me`, message senders). */
	userId: number;
	createdAt: number;
}

export interface KeyOptions {
	token?: string;
	scopes?: string[];
	rpm?: number;
	expiresAt?: number | null;
	accountIds?: number[];
	userId?: number;
}

export class KeyRing {
	private readonly keys = new Map<string, ApiKey>();

	/** Adds (or replaces) a key; throws an Error with a readable message when the options are invalid. */
	add(options: KeyOptions = {}): ApiKey {
		const token = options.token ?? `hc_test_${randomBytes(12).toString('hex')}`;
		if (typeof token !== 'string' || token.length === 0 || /\s/.test(token))
			throw new Error('token must be a non-empty string without spaces');
		const scopes = options.scopes ?? ['*'];
		if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string'))
			throw new Error('scopes must be an array of strings');
		const rpm = options.rpm ?? DEFAULT_RPM;
		if (!Number.isInteger(rpm) || rpm < 1 || rpm > MAX_RPM)
			throw new Error(`rpm must be an integer from 1 to ${MAX_RPM}`);
		const expiresAt = options.expiresAt ?? null;
		if (expiresAt !== null && !Number.isFinite(expiresAt))
			throw new Error('expiresAt must be unix seconds');
		const accountIds = options.accountIds ?? [1];
		if (!Array.isArray(accountIds) || accountIds.some((id) => !Number.isInteger(id)))
			throw new Error('accountIds must be an array of integers');
		const userId = options.userId ?? 1;
		if (!Number.isInteger(userId)) throw new Error('userId must be an integer');
		const key: ApiKey = {
			token,
			scopes: [...scopes],
			rpm,
			expiresAt,
			accountIds: [...accountIds],
			userId,
			createdAt: Math.floor(Date.now() / 1000),
		};
		this.keys.set(token, key);
		return key;
	}

	get(token: string): ApiKey | undefined {
		return this.keys.get(token);
	}

	list(): ApiKey[] {
		return [...this.keys.values()];
	}

	clear(): void {
		this.keys.clear();
	}

	/** Rule 1: the key behind the `api_access_token` header (or its other spelling), or why there is none. */
	authenticate(
		token: string | undefined,
		nowSeconds: number,
	): { key: ApiKey } | { problem: string } {
		if (token === undefined || token === '')
			return { problem: 'Missing API key: send it in the api_access_token header' };
		const key = this.keys.get(token);
		if (!key) return { problem: 'Invalid Access Token' };
		if (key.expiresAt !== null && nowSeconds >= key.expiresAt)
			return { problem: 'API key has expired' };
		return { key };
	}
}

// ---- scopes --------------------------------------------------------------------------------------

export type ScopeAction = 'read' | 'write' | 'delete';

/** GET (and HEAD) need `:read`, POST/PUT/PATCH `:write`, DELETE `:delete`. */
export function scopeActionFor(method: string): ScopeAction {
	switch (method.toUpperCase()) {
		case 'GET':
		case 'HEAD':
			return 'read';
		case 'DELETE':
			return 'delete';
		default:
			return 'write';
	}
}

export function requiredScope(family: string, method: string): string {
	return `${family}:${scopeActionFor(method)}`;
}

/** `*` grants everything, `<family>:*` every action of the family. */
export function hasScope(key: ApiKey, scope: string): boolean {
	const family = scope.split(':')[0];
	return key.scopes.some((held) => held === '*' || held === scope || held === `${family}:*`);
}

// ---- rate limit ----------------------------------------------------------------------------------

export interface RateLimitState {
	limit: number;
	remaining: number;
	/** Unix seconds when the current window ends. */
	reset: number;
	/** Whole seconds until the window ends (at least 1). */
	retryAfter: number;
	limited: boolean;
}

/** Fixed windows aligned on multiples of the window length, counted per bucket (API key). */
export class RateLimiter {
	private readonly windowMs: number;
	private readonly counters = new Map<string, { window: number; count: number }>();

	constructor(windowSeconds: number) {
		if (!(windowSeconds > 0)) throw new Error('windowSeconds must be positive');
		this.windowMs = Math.round(windowSeconds * 1000);
	}

	/** Counts one request and tells whether it is over the limit. */
	hit(bucket: string, limit: number, nowMs: number = Date.now()): RateLimitState {
		const window = Math.floor(nowMs / this.windowMs);
		let counter = this.counters.get(bucket);
		if (!counter || counter.window !== window) {
			counter = { window, count: 0 };
			this.counters.set(bucket, counter);
		}
		counter.count += 1;
		return this.state(window, counter.count, limit, nowMs, counter.count > limit);
	}

	/** The bucket's state without counting a request. */
	peek(bucket: string, limit: number, nowMs: number = Date.now()): RateLimitState {
		const window = Math.floor(nowMs / this.windowMs);
		const counter = this.counters.get(bucket);
		const count = counter && counter.window === window ? counter.count : 0;
		return this.state(window, count, limit, nowMs, count >= limit);
	}

	clear(): void {
		this.counters.clear();
	}

	private state(
		window: number,
		count: number,
		limit: number,
		nowMs: number,
		limited: boolean,
	): RateLimitState {
		const resetMs = (window + 1) * this.windowMs;
		return {
			limit,
			remaining: Math.max(0, limit - count),
			reset: Math.ceil(resetMs / 1000),
			retryAfter: Math.max(1, Math.ceil((resetMs - nowMs) / 1000)),
			limited,
		};
	}
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
	const headers: Record<string, string> = {
		'X-RateLimit-Limit': String(state.limit),
		'X-RateLimit-Remaining': String(state.remaining),
		'X-RateLimit-Reset': String(state.reset),
	};
	if (state.limited) headers['Retry-After'] = String(state.retryAfter);
	return headers;
}

// ---- idempotency ---------------------------------------------------------------------------------

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_KEY_MAX = 255;

interface StoredResponse {
	fingerprint: string;
	status: number;
	body: unknown;
	storedAt: number;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as Record<string, unknown>)
			.sort()
			.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
			.map(
				(key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
			);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
	return createHash('sha256')
		.update(`${method.toUpperCase()} ${path}\n${canonicalJson(body ?? null)}`)
		.digest('hex');
}

export class IdempotencyCache {
	private readonly entries = new Map<string, StoredResponse>();

	lookup(
		token: string,
		idempotencyKey: string,
		fingerprint: string,
		nowMs: number = Date.now(),
	): { replay: StoredResponse } | { conflict: true } | null {
		const id = `${token}\n${idempotencyKey}`;
		const entry = this.entries.get(id);
		if (!entry) return null;
		if (nowMs - entry.storedAt >= IDEMPOTENCY_TTL_MS) {
			this.entries.delete(id);
			return null;
		}
		return entry.fingerprint === fingerprint ? { replay: entry } : { conflict: true };
	}

	remember(
		token: string,
		idempotencyKey: string,
		fingerprint: string,
		status: number,
		body: unknown,
		nowMs: number = Date.now(),
	): void {
		this.entries.set(`${token}\n${idempotencyKey}`, {
			fingerprint,
			status,
			body: structuredClone(body),
			storedAt: nowMs,
		});
	}

	clear(): void {
		this.entries.clear();
	}
}

// ---- validation errors → HueChat errors ----------------------------------------------------------

const TYPE_WORDS: Record<string, string> = {
	integer: 'an integer',
	number: 'a number',
	string: 'a string',
	boolean: 'a boolean',
	object: 'an object',
	array: 'an array',
	null: 'null',
};

function fieldName(instancePath: string, extra?: string): string {
	const parts = instancePath
		.split('/')
		.slice(1)
		.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
	if (extra !== undefined) parts.push(extra);
	return parts.reduce(
		(name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part),
		'',
	);
}

function problemOf(error: ErrorObject): string {
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required':
			return 'is required';
		case 'type':
			return `must be ${String(params.type)
				.split(',')
				.map((type) => TYPE_WORDS[type] ?? type)
				.join(' or ')}`;
		case 'enum':
			return `must be one of: ${(params.allowedValues as unknown[]).map((value) => String(value)).join(', ')}`;
		case 'const':
			return `must be ${JSON.stringify(params.allowedValue)}`;
		case 'maxLength':
			return `is too long (maximum is ${String(params.limit)} characters)`;
		case 'minLength':
			return params.limit === 1
				? "can't be blank"
				: `is too short (minimum is ${String(params.limit)} characters)`;
		case 'maxItems':
			return `must have at most ${String(params.limit)} items`;
		case 'minItems':
			return `must have at least ${String(params.limit)} items`;
		case 'minimum':
		case 'maximum':
		case 'exclusiveMinimum':
		case 'exclusiveMaximum':
			return `must be ${String(params.comparison)} ${String(params.limit)}`;
		case 'format':
			if (params.format === 'email') return 'is not a valid email address';
			if (params.format === 'e164') return 'must be an E.164 phone number, e.g. +971501234567';
			return `must be a valid ${String(params.format)}`;
		case 'pattern':
			return `is invalid (must match ${String(params.pattern)})`;
		default:
			return error.message ?? 'is invalid';
	}
}

/** ajv errors as `{field: [problem]}`, plus the names of unknown fields (additionalProperties: false). */
export function describeValidationErrors(
	errors: readonly ErrorObject[],
	prefix = '',
): { details: ErrorDetails; unknownFields: string[] } {
	const details: ErrorDetails = {};
	const unknownFields: string[] = [];
	const withPrefix = (name: string): string =>
		prefix && name ? `${prefix}${name}` : name || prefix.replace(/\.$/, '') || 'body';
	for (const error of errors) {
		const params = error.params as Record<string, unknown>;
		if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
			const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
			unknownFields.push(withPrefix(fieldName(error.instancePath, extra)));
			continue;
		}
		if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
		const field = withPrefix(
			fieldName(
				error.instancePath,
				error.keyword === 'required' ? String(params.missingProperty) : undefined,
			),
		);
		const problem = problemOf(error);
		const list = details[field] ?? (details[field] = []);
		if (!list.includes(problem)) list.push(problem);
	}
	return { details, unknownFields };
}

// ---- the pipeline --------------------------------------------------------------------------------

export interface ApiRequest {
	method: string;
	/** The path without the query string (segments are URI-decoded when matched). */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	remoteAddress: string;
}

export interface ApiResponse {
	status: number;
	headers: Record<string, string>;
	/** Undefined for 204. */
	body?: unknown;
}

export interface RulesOptions {
	/** Answer 426 to requests whose Host is not loopback (HueChat rejects plain HTTP; off by default). */
	enforceHttps?: boolean;
	/** The convention answers follow now (default `huechat`). */
	convention?: () => Convention;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(hostHeader: string | undefined): boolean {
	if (!hostHeader) return true;
	const host = hostHeader.startsWith('[')
		? hostHeader.slice(0, hostHeader.indexOf(']') + 1)
		: hostHeader.split(':')[0];
	return LOOPBACK_HOSTS.has(host.toLowerCase()) || host.startsWith('127.');
}

function isMultipart(request: ApiRequest): boolean {
	return (headerValue(request.headers, 'content-type') ?? '')
		.toLowerCase()
		.startsWith('multipart/form-data');
}

function parseJsonBody(request: ApiRequest, acceptsForm = false): unknown {
	if (request.rawBody.length === 0) return undefined;
	const contentType = (
		headerValue(request.headers, 'content-type') ?? 'application/json'
	).toLowerCase();
	if (contentType.startsWith('multipart/form-data')) {
		if (!acceptsForm)
			throw badRequest('multipart/form-data bodies are not supported on this endpoint');
		try {
			return parseMultipart(request.rawBody, headerValue(request.headers, 'content-type') ?? '');
		} catch (error) {
			throw badRequest(
				error instanceof MultipartError ? error.message : 'Malformed multipart/form-data body',
			);
		}
	}
	if (!contentType.includes('json') && !contentType.startsWith('text/plain')) {
		throw badRequest(`Unsupported content type ${contentType}: send application/json`);
	}
	try {
		return JSON.parse(request.rawBody.toString('utf8'));
	} catch {
		throw badRequest('Malformed JSON body');
	}
}

export interface RulesDependencies {
	document: ApiDocument;
	handlers: HandlerMap;
	store: Store;
	keys: KeyRing;
	limiter: RateLimiter;
	idempotency: IdempotencyCache;
	events: EventBus;
	options?: RulesOptions;
}

export class ApiRules {
	private readonly deps: RulesDependencies;

	constructor(deps: RulesDependencies) {
		this.deps = deps;
	}

	/** The rate-limit headers a request with these headers would get now, without counting it. */
	peekRateLimit(headers: IncomingHttpHeaders, remoteAddress: string): Record<string, string> {
		const token = accessToken(headers);
		const key = token ? this.deps.keys.get(token) : undefined;
		const state = key
			? this.deps.limiter.peek(`key|${key.token}`, key.rpm)
			: this.deps.limiter.peek(`anonymous|${remoteAddress}`, DEFAULT_RPM);
		return rateLimitHeaders({ ...state, limited: false });
	}

	async process(request: ApiRequest): Promise<ApiResponse> {
		const { keys, limiter } = this.deps;
		const nowMs = Date.now();
		const nowSeconds = Math.floor(nowMs / 1000);
		const token = accessToken(request.headers);
		const auth = keys.authenticate(token, nowSeconds);
		const key = 'key' in auth ? auth.key : undefined;

		// Requests without a valid key are counted per client address, for the headers only (never 429).
		const state = key
			? limiter.hit(`key|${key.token}`, key.rpm, nowMs)
			: limiter.hit(`anonymous|${request.remoteAddress}`, DEFAULT_RPM, nowMs);
		const headers = rateLimitHeaders(key ? state : { ...state, limited: false });
		if (this.deps.options?.enforceHttps && !isLoopbackHost(headerValue(request.headers, 'host'))) {
			return { status: 426, headers, body: errorBody(426, 'HTTPS is required') };
		}
		if (!key)
			return {
				status: 401,
				headers,
				body: errorBody(401, 'problem' in auth ? auth.problem : 'Unauthorized'),
			};
		if (state.limited) {
			return {
				status: 429,
				headers,
				body: errorBody(
					429,
					`Rate limit of ${state.limit} requests per window exceeded; retry after ${state.retryAfter} s`,
				),
			};
		}

		try {
			const result = await this.dispatch(request, key, nowSeconds, nowMs);
			return {
				status: result.status,
				headers: { ...headers, ...result.headers },
				body: result.status === 204 ? undefined : result.body,
			};
		} catch (error) {
			if (error instanceof ApiError) return { status: error.status, headers, body: error.toBody() };
			const message = error instanceof Error ? error.message : String(error);
			return { status: 500, headers, body: errorBody(500, `Internal error: ${message}`) };
		}
	}

	private async dispatch(
		request: ApiRequest,
		key: ApiKey,
		nowSeconds: number,
		nowMs: number,
	): Promise<HandlerResult> {
		const { document, store, handlers, idempotency } = this.deps;

		// 3. route
		const match = document.match(request.method, request.path);
		if (!match) throw notFound(`No route matches ${request.method} ${request.path}`);
		const operation: Operation = match.operation;
		const pathCheck = operation.validatePath(match.params);
		if (!pathCheck.ok) throw notFound('Resource could not be found');
		const params = pathCheck.value;

		// 4. account
		let accountId = 0;
		if ('account_id' in params) {
			accountId = Number(params.account_id);
			if (!key.accountIds.includes(accountId))
				throw new ApiError(401, `This API key is not valid for account ${accountId}`);
			if (!store.accounts.has(accountId)) throw notFound(`Account ${accountId} not found`);
		}
		const user = store.users.get(key.userId);
		if (!user) throw new ApiError(401, 'The user of this API key no longer exists');

		// 5. scope
		if (operation.scopeFamily !== null) {
			const scope = requiredScope(operation.scopeFamily, request.method);
			if (!hasScope(key, scope)) throw new ApiError(403, `This API key lacks the ${scope} scope`);
		}

		// 6. validation
		const queryCheck = operation.validateQuery(
			operation.api === 'v1' ? readV1Query(request.query) : request.query,
		);
		const problems: ErrorDetails = {};
		if (!queryCheck.ok)
			Object.assign(problems, describeValidationErrors(queryCheck.errors).details);
		let body: Record<string, unknown> = {};
		const form = operation.acceptsForm && isMultipart(request);
		const parsedBody = operation.hasBody
			? parseJsonBody(request, operation.acceptsForm)
			: undefined;
		const rawBody = form ? parsedBody : operation.castBody(parsedBody);
		if (operation.hasBody) {
			const bodyCheck = form ? operation.validateForm(rawBody) : operation.validateBody(rawBody);
			if (!bodyCheck.ok) {
				const described = describeValidationErrors(bodyCheck.errors);
				if (described.details.body) throw badRequest('The request body must be a JSON object');
				if (operation.api === 'v2' && described.unknownFields.length > 0) {
					throw badRequest(
						`Unknown field${described.unknownFields.length > 1 ? 's' : ''}: ${described.unknownFields.join(', ')}`,
					);
				}
				Object.assign(problems, described.details);
			} else {
				body = bodyCheck.value;
			}
		}
		if (Object.keys(problems).length > 0) throw validationFailed(problems);

		const context: HandlerContext = {
			store,
			accountId,
			params,
			query: queryCheck.ok ? queryCheck.value : {},
			body,
			key,
			user,
			method: request.method,
			path: request.path,
			headers: request.headers,
			now: nowSeconds,
			emit: (name, data) => this.deps.events.emit({ accountId, name, data }),
		};

		// 7. idempotency
		const idempotencyKey = operation.idempotent
			? headerValue(request.headers, 'idempotency-key')
			: undefined;
		let fingerprint = '';
		if (idempotencyKey !== undefined) {
			if (idempotencyKey.length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX) {
				throw badRequest(`Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} characters`);
			}
			fingerprint = requestFingerprint(request.method, request.path, fingerprintSource(rawBody));
			const previous = idempotency.lookup(key.token, idempotencyKey, fingerprint, nowMs);
			if (previous && 'conflict' in previous) {
				throw new ApiError(409, 'This Idempotency-Key was already used with a different request');
			}
			if (previous) {
				return this.inConvention(operation, {
					status: previous.replay.status,
					body: structuredClone(previous.replay.body),
					headers: { 'Idempotent-Replayed': 'true' },
				});
			}
		}

		// 8. handler
		const handler = handlers[operation.operationId];
		if (!handler)
			throw new ApiError(
				501,
				`${operation.operationId} is described but not implemented by the simulator`,
			);
		const result = await handler(context);
		if (idempotencyKey !== undefined && result.status >= 200 && result.status < 300) {
			idempotency.remember(
				key.token,
				idempotencyKey,
				fingerprint,
				result.status,
				result.body,
				nowMs,
			);
		}
		return this.inConvention(operation, result);
	}

	/** 9. HueChat's answer, or Chatwoot's where the convention is `chatwoot` and the operation documents one. */
	private inConvention(operation: Operation, result: HandlerResult): HandlerResult {
		return this.deps.options?.convention?.() === 'chatwoot'
			? asChatwootAnswer(operation.chatwoot, result)
			: result;
	}
}
