// What a resource handler receives and returns. Each resource module exports a record
// `{ [operationId]: Handler }`; the rules pipeline (rules.ts) has already authenticated the key,
// counted the request, checked the scope and validated path, query and body against the OpenAPI
// document before a handler runs, so handlers only implement the resource's own behaviour.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKey } from './rules.ts';
import type { Store, UserRecord } from './store.ts';

export interface HandlerContext {
	store: Store;
	/** The `account_id` path parameter (0 on routes outside an account, such as the profile). */
	accountId: number;
	/** Path parameters, coerced to the document's types (ids are numbers). */
	params: Record<string, unknown>;
	/** Query parameters, coerced, with the document's defaults applied; `labels[]` arrives as `labels`. */
	query: Record<string, unknown>;
	/** The JSON body (an empty object when none was sent). */
	body: Record<string, unknown>;
	/** The API key of the request and the user it acts as. */
	key: ApiKey;
	user: UserRecord;
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	/** Unix seconds when the request arrived. */
	now: number;
	/** Raises a domain event (docs/contract.md §4 name, the resource as the API returns it) for webhook delivery. */
	emit(name: string, data: unknown): void;
}

export interface HandlerResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (context: HandlerContext) => HandlerResult | Promise<HandlerResult>;

export type HandlerMap = Record<string, Handler>;

export function ok(body: unknown): HandlerResult {
	return { status: 200, body };
}

export function created(body: unknown): HandlerResult {
	return { status: 201, body };
}

export function noContent(): HandlerResult {
	return { status: 204 };
}
