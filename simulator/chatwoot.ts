// Where v1 follows Chatwoot (HueChat's v1 is Chatwoot's Application API) beyond what the OpenAPI schemas say:
//   - the leniencies of a Rails app: the token header's spellings, ActiveRecord's casting of integer fields,
//     Kaminari's page numbers; the pipeline (rules.ts) applies them to every v1 request;
//   - the `chatwoot` convention: Chatwoot's own status codes and bodies for v1 creates and deletes, read from
//     each operation's `x-chatwoot` extension in the document (the default `huechat` convention answers as
//     HueChat's contract says: 201 and 204).
// What stays different from Chatwoot, and why, is listed in the document's `x-chatwoot-deviations`.
import type { IncomingHttpHeaders } from 'node:http';

// ---- conventions ---------------------------------------------------------------------------------

export const CONVENTIONS = ['huechat', 'chatwoot'] as const;
export type Convention = (typeof CONVENTIONS)[number];

export function parseConvention(value: unknown): Convention {
	if (typeof value === 'string' && (CONVENTIONS as readonly string[]).includes(value))
		return value as Convention;
	throw new Error(`convention must be one of: ${CONVENTIONS.join(', ')}`);
}

/** The convention the simulator answers in: set at start, changeable through the control surface, restored by reset. */
export class ConventionSetting {
	private readonly initial: Convention;
	private current: Convention;

	constructor(initial: Convention = 'huechat') {
		this.initial = parseConvention(initial);
		this.current = this.initial;
	}

	get(): Convention {
		return this.current;
	}

	set(value: unknown): Convention {
		this.current = parseConvention(value);
		return this.current;
	}

	reset(): void {
		this.current = this.initial;
	}
}

/**
 * Chatwoot's answer to an operation whose HueChat answer differs (the `x-chatwoot` extension of the operation):
 * `status` instead of HueChat's, the same body or none (`head :ok`), and objects Chatwoot's view renders where
 * HueChat answers null (`nullAs`: JSON pointer → the object).
 */
export interface ChatwootAnswer {
	status: number;
	body: 'same' | 'empty';
	nullAs?: Record<string, unknown>;
}

export function parseChatwootAnswer(raw: unknown, where: string): ChatwootAnswer | undefined {
	if (raw === undefined) return undefined;
	const value = raw as Partial<ChatwootAnswer>;
	if (!Number.isInteger(value.status) || (value.body !== 'same' && value.body !== 'empty')) {
		throw new Error(`OpenAPI: ${where} has an x-chatwoot without status and body (same | empty)`);
	}
	return {
		status: value.status as number,
		body: value.body,
		...(value.nullAs ? { nullAs: value.nullAs } : {}),
	};
}

/** `head :ok` in a JSON controller: the status, an empty body, the JSON content type. */
export const EMPTY_JSON_HEADERS: Readonly<Record<string, string>> = {
	'Content-Type': 'application/json',
	'Content-Length': '0',
};

/** A successful HueChat answer as Chatwoot gives it; unchanged when the operation answers alike in both. */
export function asChatwootAnswer<
	T extends { status: number; body?: unknown; headers?: Record<string, string> },
>(answer: ChatwootAnswer | undefined, result: T): T {
	if (!answer || result.status < 200 || result.status > 299) return result;
	if (answer.body === 'empty') {
		// `head :no_content` sends no content type; `head :ok` the controller's JSON one
		return {
			...result,
			status: answer.status,
			body: undefined,
			headers:
				answer.status === 204 ? result.headers : { ...result.headers, ...EMPTY_JSON_HEADERS },
		};
	}
	let body = result.body;
	for (const [pointer, replacement] of Object.entries(answer.nullAs ?? {}))
		body = replaceNull(body, pointer, replacement);
	return { ...result, status: answer.status, body };
}

function replaceNull(body: unknown, pointer: string, replacement: unknown): unknown {
	const parts = pointer.split('/').slice(1);
	const last = parts.pop();
	if (last === undefined) return body;
	const copy = structuredClone(body);
	let node: unknown = copy;
	for (const part of parts)
		node =
			node !== null && typeof node === 'object'
				? (node as Record<string, unknown>)[part]
				: undefined;
	if (
		node !== null &&
		typeof node === 'object' &&
		(node as Record<string, unknown>)[last] === null
	) {
		(node as Record<string, unknown>)[last] = structuredClone(replacement);
	}
	return copy;
}

// ---- the token header ----------------------------------------------------------------------------

/**
 * Chatwoot reads `request.headers[:api_access_token] || request.headers[:HTTP_API_ACCESS_TOKEN]`; a Rack server
 * turns both `api_access_token` and `Api-Access-Token` into `HTTP_API_ACCESS_TOKEN` (Node lowercases the name),
 * and Puma keeps the hyphenated spelling when both arrive. The first spelling present wins.
 */
export const ACCESS_TOKEN_HEADERS = ['api-access-token', 'api_access_token'] as const;

export function accessToken(headers: IncomingHttpHeaders): string | undefined {
	for (const name of ACCESS_TOKEN_HEADERS) {
		const raw = headers[name];
		const value = Array.isArray(raw) ? raw[0] : raw;
		if (value !== undefined) return value;
	}
	return undefined;
}

// ---- page numbers --------------------------------------------------------------------------------

/** Ruby's `String#to_i`: leading blanks, a sign, digits (with single underscores between them); 0 when none. */
export function rubyToI(text: string): number {
	const match = /^\s*([+-]?)(\d+(?:_\d+)*)/.exec(text);
	if (!match) return 0;
	const value = Number(`${match[1]}${match[2].replace(/_/g, '')}`);
	return Number.isSafeInteger(value)
		? value
		: match[1] === '-'
			? Number.MIN_SAFE_INTEGER
			: Number.MAX_SAFE_INTEGER;
}

/** Kaminari's `page(n)`: `n.to_i`, at least 1 (so 0, negatives and text are page 1). */
export function kaminariPage(raw: string): number {
	return Math.max(rubyToI(raw), 1);
}

/** v1 query parameters read the way Chatwoot's controllers read them, before the document's validation. */
const V1_QUERY_READERS: Readonly<Record<string, (raw: string) => string>> = {
	page: (raw) => String(kaminariPage(raw)),
};

/** The query with the v1 readers applied (the last value of a repeated parameter, as Rack keeps it). */
export function readV1Query(search: URLSearchParams): URLSearchParams {
	let out: URLSearchParams | undefined;
	for (const [name, read] of Object.entries(V1_QUERY_READERS)) {
		const values = search.getAll(name);
		if (values.length === 0) continue;
		out ??= new URLSearchParams(search);
		out.set(name, read(values[values.length - 1]));
	}
	return out ?? search;
}

// ---- ActiveRecord's integer casting --------------------------------------------------------------

/** Where a body schema holds integers: the fields Chatwoot hands to ActiveRecord, which casts them. */
export interface CastPlan {
	integer?: { nullable: boolean };
	properties?: Record<string, CastPlan>;
	items?: CastPlan;
}

type Schema = Record<string, unknown>;

/** The integer fields of a JSON body schema (`$ref`s resolved by `resolve`, allOf/anyOf/oneOf merged); null when none. */
export function integerCastPlan(
	schema: unknown,
	resolve: (ref: string) => unknown,
	seen: ReadonlySet<string> = new Set(),
): CastPlan | null {
	if (schema === null || typeof schema !== 'object') return null;
	const node = schema as Schema;
	if (typeof node.$ref === 'string') {
		if (seen.has(node.$ref)) return null;
		return integerCastPlan(resolve(node.$ref), resolve, new Set([...seen, node.$ref]));
	}
	const plans: CastPlan[] = [];
	const types = Array.isArray(node.type) ? node.type : [node.type];
	if (types.includes('integer')) plans.push({ integer: { nullable: types.includes('null') } });
	for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
		for (const sub of (node[keyword] as unknown[] | undefined) ?? []) {
			const plan = integerCastPlan(sub, resolve, seen);
			if (plan) plans.push(plan);
		}
	}
	if (node.properties && typeof node.properties === 'object') {
		const properties: Record<string, CastPlan> = {};
		for (const [name, sub] of Object.entries(node.properties as Schema)) {
			const plan = integerCastPlan(sub, resolve, seen);
			if (plan) properties[name] = plan;
		}
		if (Object.keys(properties).length > 0) plans.push({ properties });
	}
	if (node.items !== undefined) {
		const items = integerCastPlan(node.items, resolve, seen);
		if (items) plans.push({ items });
	}
	if (plans.length === 0) return null;
	const plan = plans.reduce(mergePlans);
	// `anyOf: [{type: integer}, {type: null}]` is as nullable as `type: [integer, null]`
	if (plan.integer && !plan.integer.nullable && allowsNull(node, resolve))
		plan.integer = { nullable: true };
	return plan;
}

function allowsNull(node: Schema, resolve: (ref: string) => unknown): boolean {
	const alternatives = [
		...((node.anyOf as unknown[] | undefined) ?? []),
		...((node.oneOf as unknown[] | undefined) ?? []),
	];
	return alternatives.some((raw) => {
		const sub = (
			raw !== null && typeof raw === 'object' && typeof (raw as Schema).$ref === 'string'
				? resolve((raw as Schema).$ref as string)
				: raw
		) as Schema | null;
		const type = sub?.type;
		return type === 'null' || (Array.isArray(type) && type.includes('null'));
	});
}

function mergePlans(a: CastPlan, b: CastPlan): CastPlan {
	const merged: CastPlan = { ...a };
	if (b.integer)
		merged.integer = { nullable: (a.integer?.nullable ?? false) || b.integer.nullable };
	if (b.items) merged.items = a.items ? mergePlans(a.items, b.items) : b.items;
	if (b.properties) {
		merged.properties = { ...a.properties };
		for (const [name, plan] of Object.entries(b.properties))
			merged.properties[name] = merged.properties[name]
				? mergePlans(merged.properties[name], plan)
				: plan;
	}
	return merged;
}

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const BLANK_TEXT = /^\s*$/;
/** Marks a blank value that ActiveRecord reads as nil where the schema has no null: the field counts as not sent. */
const ABSENT = Symbol('absent');

/**
 * A JSON body with its integer fields cast as ActiveRecord casts them: a numeric string is its integer (`"1"` → 1),
 * a blank string is nil (null where the field may be null, else as if it was not sent). Anything else stays as
 * sent, for the document's validation to name.
 */
export function castLikeActiveRecord(value: unknown, plan: CastPlan | null): unknown {
	if (!plan) return value;
	const cast = castValue(value, plan);
	return cast === ABSENT ? undefined : cast;
}

function castValue(value: unknown, plan: CastPlan): unknown {
	if (typeof value === 'string' && plan.integer) {
		if (BLANK_TEXT.test(value)) return plan.integer.nullable ? null : ABSENT;
		if (INTEGER_TEXT.test(value)) {
			const number = Number(value.trim());
			if (Number.isSafeInteger(number)) return number;
		}
		return value;
	}
	if (Array.isArray(value) && plan.items) {
		const items = plan.items;
		return value.map((item) => {
			const cast = castValue(item, items);
			return cast === ABSENT ? item : cast;
		});
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value) && plan.properties) {
		const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
		for (const [name, sub] of Object.entries(plan.properties)) {
			if (!(name in out)) continue;
			const cast = castValue(out[name], sub);
			if (cast === ABSENT) delete out[name];
			else out[name] = cast;
		}
		return out;
	}
	return value;
}
