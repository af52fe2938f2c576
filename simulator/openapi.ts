// The OpenAPI document (openapi/huechat.openapi.json) drives the simulator: its paths are the route
// table (method + path → operationId → handler), its parameter and request-body schemas validate
// requests (ajv, compiled once per operation), its `security` requirement names the scope family of
// each operation, and an operation that declares the `Idempotency-Key` header is idempotent. A v1
// operation's integer body fields are cast as ActiveRecord casts them, and its `x-chatwoot` extension
// gives Chatwoot's answer for the `chatwoot` convention (chatwoot.ts).
// Tests also validate responses against its response schemas.
import * as fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import {
	castLikeActiveRecord,
	integerCastPlan,
	parseChatwootAnswer,
	type ChatwootAnswer,
} from './chatwoot.ts';
import { openApiPath } from './paths.ts';
import { scopeActionFor } from './rules.ts';

export type JsonSchema = Record<string, unknown>;

interface Reference {
	$ref: string;
}

export interface ParameterObject {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	description?: string;
	schema?: JsonSchema;
}

interface MediaTypeObject {
	schema?: JsonSchema;
}

interface RequestBodyObject {
	required?: boolean;
	content?: Record<string, MediaTypeObject>;
}

interface ResponseObject {
	description?: string;
	headers?: Record<string, unknown>;
	content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
	operationId?: string;
	summary?: string;
	tags?: string[];
	parameters?: (ParameterObject | Reference)[];
	requestBody?: RequestBodyObject | Reference;
	responses?: Record<string, ResponseObject | Reference>;
	security?: Record<string, string[]>[];
	/** Chatwoot's answer where it differs from HueChat's (the `chatwoot` convention). */
	'x-chatwoot'?: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = { parameters?: (ParameterObject | Reference)[] } & {
	[M in HttpMethod]?: OperationObject;
};

export interface OpenApiDocument {
	openapi: string;
	info: Record<string, unknown>;
	servers?: Record<string, unknown>[];
	security?: Record<string, string[]>[];
	tags?: Record<string, unknown>[];
	paths: Record<string, PathItemObject>;
	components?: {
		schemas?: Record<string, JsonSchema>;
		parameters?: Record<string, ParameterObject>;
		requestBodies?: Record<string, RequestBodyObject>;
		responses?: Record<string, ResponseObject>;
		headers?: Record<string, unknown>;
		securitySchemes?: Record<string, unknown>;
	};
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; errors: ErrorObject[] };

type Segment = { literal: string } | { param: string };

export interface Operation {
	operationId: string;
	/** Upper case. */
	method: string;
	/** The path as written in the document, e.g. /api/v1/accounts/{account_id}/contacts/{contact_id}. */
	pathTemplate: string;
	api: 'v1' | 'v2' | 'other';
	/** The family of the scope the operation needs (`contacts`), or null when any valid key will do. */
	scopeFamily: string | null;
	/** Declares the Idempotency-Key header. */
	idempotent: boolean;
	hasBody: boolean;
	/** Also takes a multipart/form-data body (file uploads). */
	acceptsForm: boolean;
	/** Chatwoot's status and body where they differ from HueChat's (the `x-chatwoot` extension). */
	chatwoot: ChatwootAnswer | undefined;
	segments: Segment[];
	validatePath(raw: Record<string, string>): CheckResult<Record<string, unknown>>;
	validateQuery(search: URLSearchParams): CheckResult<Record<string, unknown>>;
	validateBody(body: unknown): CheckResult<Record<string, unknown>>;
	/** A parsed multipart body against the document's multipart/form-data schema; form strings are coerced to its types. */
	validateForm(body: unknown): CheckResult<Record<string, unknown>>;
	/** v1: a JSON body with its integer fields cast as ActiveRecord casts them (`"1"` → 1, `""` → null); v2: as sent. */
	castBody(body: unknown): unknown;
}

export interface RouteMatch {
	operation: Operation;
	params: Record<string, string>;
}

const COMPONENTS_ID = 'huechat-components';
const SCHEMA_REF = '#/components/schemas/';

function isReference(value: unknown): value is Reference {
	return (
		typeof value === 'object' && value !== null && typeof (value as Reference).$ref === 'string'
	);
}

/** Deep copy with `#/components/schemas/X` refs pointing at the registered components schema. */
function rewriteRefs(value: unknown, closeObjects: boolean): unknown {
	if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, closeObjects));
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
		if (key === '$ref' && typeof item === 'string' && item.startsWith(SCHEMA_REF)) {
			out.$ref = `${COMPONENTS_ID}#/$defs/${item.slice(SCHEMA_REF.length)}`;
		} else if (key === 'properties' && item !== null && typeof item === 'object') {
			// property names are data, not keywords: copy the map, rewrite each property's schema
			out.properties = Object.fromEntries(
				Object.entries(item as Record<string, unknown>).map(([name, schema]) => [
					name,
					rewriteRefs(schema, closeObjects),
				]),
			);
		} else {
			out[key] = rewriteRefs(item, closeObjects);
		}
	}
	if (
		closeObjects &&
		out.properties !== undefined &&
		out.additionalProperties === undefined &&
		out.unevaluatedProperties === undefined
	) {
		out.additionalProperties = false;
	}
	return out;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function newAjv(options: { coerce: boolean; defaults: boolean }): Ajv2020 {
	const ajv = new Ajv2020({
		allErrors: true,
		strict: true,
		strictRequired: false,
		allowUnionTypes: true,
		coerceTypes: options.coerce ? 'array' : false,
		useDefaults: options.defaults,
	});
	ajv.addVocabulary(['example', 'xml', 'externalDocs']);
	// An empty string counts as "no email" (Chatwoot allows blank emails); anything else must look like one.
	ajv.addFormat('email', (value: string) => value === '' || EMAIL.test(value));
	// `e164`: a phone number in E.164 form; an empty string clears the number.
	ajv.addFormat('e164', (value: string) => value === '' || E164.test(value));
	ajv.addFormat('date-time', DATE_TIME);
	// a file part of a multipart body (the parsed body holds its file name)
	ajv.addFormat('binary', true);
	ajv.addFormat('uuid', UUID);
	// `uri`: an absolute URI; an empty string counts as none, as for Chatwoot's `avatar_url` (a required URL adds minLength 1).
	ajv.addFormat('uri', (value: string) => {
		if (value === '') return true;
		try {
			new URL(value);
			return true;
		} catch {
			return false;
		}
	});
	return ajv;
}

function check<T>(validate: ValidateFunction, value: unknown): CheckResult<T> {
	return validate(value)
		? { ok: true, value: value as T }
		: { ok: false, errors: [...(validate.errors ?? [])] };
}

/** `labels[]`, `labels[0]` and `labels` are all the parameter `labels`. */
export function baseParameterName(name: string): string {
	return name.replace(/\[\d*\]$/, '');
}

export class ApiDocument {
	readonly doc: OpenApiDocument;
	readonly operations: Operation[] = [];
	readonly byId = new Map<string, Operation>();
	private readonly routes = new Map<number, Operation[]>();
	private readonly paramsAjv: Ajv2020;
	private readonly bodyAjv: Ajv2020;
	private responseAjv: Ajv2020 | undefined;
	private readonly responseValidators = new Map<string, ValidateFunction | null>();

	constructor(doc: OpenApiDocument) {
		this.doc = doc;
		this.paramsAjv = newAjv({ coerce: true, defaults: true });
		this.bodyAjv = newAjv({ coerce: false, defaults: false });
		const components = this.componentsSchema(false);
		this.paramsAjv.addSchema(components);
		this.bodyAjv.addSchema(components);

		for (const [pathTemplate, pathItem] of Object.entries(doc.paths)) {
			for (const method of HTTP_METHODS) {
				const operation = pathItem[method];
				if (operation) this.addOperation(pathTemplate, method, pathItem, operation);
			}
		}
		for (const list of this.routes.values()) list.sort(compareSpecificity);
	}

	/** The operation for a method and a concrete path, with the raw path parameters. */
	match(method: string, path: string): RouteMatch | null {
		const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
		const parts = trimmed.split('/').slice(1);
		const candidates = this.routes.get(parts.length);
		if (!candidates) return null;
		const upper = method.toUpperCase();
		for (const operation of candidates) {
			if (operation.method !== upper) continue;
			const params: Record<string, string> = {};
			let matched = true;
			for (let i = 0; i < parts.length; i++) {
				const segment = operation.segments[i];
				if ('literal' in segment) {
					if (segment.literal !== parts[i]) {
						matched = false;
						break;
					}
				} else {
					let value: string;
					try {
						value = decodeURIComponent(parts[i]);
					} catch {
						value = parts[i];
					}
					if (value === '') {
						matched = false;
						break;
					}
					params[segment.param] = value;
				}
			}
			if (matched) return { operation, params };
		}
		return null;
	}

	/**
	 * Problems of a response body against the schema the document gives for that operation and status
	 * (empty when it conforms). With `closed`, objects may not carry properties the document does not
	 * describe, so the document stays complete.
	 */
	validateResponse(operationId: string, status: number, body: unknown, closed = true): string[] {
		const cacheKey = `${operationId} ${status} ${closed}`;
		let validate = this.responseValidators.get(cacheKey);
		if (validate === undefined) {
			validate = this.compileResponse(operationId, status, closed);
			this.responseValidators.set(cacheKey, validate);
		}
		if (validate === null) {
			return status === 204 && (body === undefined || body === '')
				? []
				: [`${operationId} documents no JSON body for status ${status}`];
		}
		if (validate(body)) return [];
		return (validate.errors ?? []).map(
			(error) =>
				`${error.instancePath || '(root)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
		);
	}

	/** Resolves a `#/components/<kind>/<name>` reference (parameters, responses, request bodies). */
	resolve<T>(value: T | Reference): T {
		if (!isReference(value)) return value;
		const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(value.$ref);
		const kind = match?.[1] as keyof NonNullable<OpenApiDocument['components']> | undefined;
		const target =
			match && kind
				? (this.doc.components?.[kind] as Record<string, unknown> | undefined)?.[match[2]]
				: undefined;
		if (target === undefined) throw new Error(`OpenAPI: unresolvable reference ${value.$ref}`);
		return target as T;
	}

	private componentsSchema(closeObjects: boolean): JsonSchema {
		return {
			$id: COMPONENTS_ID,
			$defs: rewriteRefs(this.doc.components?.schemas ?? {}, closeObjects),
		};
	}

	private addOperation(
		pathTemplate: string,
		method: HttpMethod,
		pathItem: PathItemObject,
		operation: OperationObject,
	): void {
		const where = `${method.toUpperCase()} ${pathTemplate}`;
		const operationId = operation.operationId;
		if (!operationId) throw new Error(`OpenAPI: ${where} has no operationId`);
		if (this.byId.has(operationId))
			throw new Error(`OpenAPI: duplicate operationId ${operationId}`);

		// parameters: path-level ones, overridden by operation-level ones with the same name and location
		const parameters = new Map<string, ParameterObject>();
		for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
			const parameter = this.resolve(raw);
			parameters.set(`${parameter.in}:${parameter.name}`, parameter);
		}
		const segments: Segment[] = pathTemplate
			.split('/')
			.slice(1)
			.map((part) => {
				const param = /^\{(.+)\}$/.exec(part);
				return param ? { param: param[1] } : { literal: part };
			});
		for (const segment of segments) {
			if ('param' in segment && !parameters.has(`path:${segment.param}`)) {
				throw new Error(`OpenAPI: ${where} does not describe its path parameter ${segment.param}`);
			}
		}

		const objectSchema = (location: 'path' | 'query'): JsonSchema => {
			const properties: Record<string, unknown> = {};
			const required: string[] = [];
			for (const parameter of parameters.values()) {
				if (parameter.in !== location) continue;
				const name = baseParameterName(parameter.name);
				properties[name] = parameter.schema ?? {};
				if (parameter.required) required.push(name);
			}
			return rewriteRefs({ type: 'object', properties, required }, false) as JsonSchema;
		};
		const arrayQueryParams = new Set<string>();
		for (const parameter of parameters.values()) {
			if (parameter.in === 'query' && parameter.schema?.type === 'array')
				arrayQueryParams.add(baseParameterName(parameter.name));
		}
		const pathValidator = this.paramsAjv.compile(objectSchema('path'));
		const queryValidator = this.paramsAjv.compile(objectSchema('query'));

		const requestBody = operation.requestBody ? this.resolve(operation.requestBody) : undefined;
		const bodySchema = requestBody?.content?.['application/json']?.schema;
		const bodyValidator = bodySchema
			? this.bodyAjv.compile(rewriteRefs(bodySchema, false) as JsonSchema)
			: null;
		const bodyRequired = requestBody?.required === true;
		const formSchema = requestBody?.content?.['multipart/form-data']?.schema;
		const formValidator = formSchema
			? this.paramsAjv.compile(rewriteRefs(formSchema, false) as JsonSchema)
			: null;
		const castPlan =
			pathTemplate.startsWith('/api/v1/') && bodySchema
				? integerCastPlan(
						bodySchema,
						(ref) => this.doc.components?.schemas?.[ref.slice(SCHEMA_REF.length)],
					)
				: null;

		let scopeFamily: string | null = null;
		const requirement = (operation.security ?? this.doc.security ?? [])[0];
		const roles = requirement ? (Object.values(requirement)[0] ?? []) : [];
		if (roles.length > 0) {
			const [family, action] = roles[0].split(':');
			if (action !== scopeActionFor(method)) {
				throw new Error(
					`OpenAPI: ${where} declares scope ${roles[0]} but ${method.toUpperCase()} needs ${family}:${scopeActionFor(method)}`,
				);
			}
			scopeFamily = family;
		}

		const api = pathTemplate.startsWith('/api/v1/')
			? 'v1'
			: pathTemplate.startsWith('/api/v2/')
				? 'v2'
				: 'other';
		const compiled: Operation = {
			operationId,
			method: method.toUpperCase(),
			pathTemplate,
			api,
			scopeFamily,
			idempotent: [...parameters.values()].some(
				(parameter) =>
					parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key',
			),
			hasBody: bodyValidator !== null,
			acceptsForm: formValidator !== null,
			chatwoot: parseChatwootAnswer(operation['x-chatwoot'], where),
			segments,
			validatePath: (raw) => check(pathValidator, { ...raw }),
			validateQuery: (search) => {
				const query: Record<string, unknown> = {};
				for (const [rawName, value] of search) {
					const name = baseParameterName(rawName);
					if (arrayQueryParams.has(name) || name !== rawName) {
						const list = query[name];
						if (Array.isArray(list)) list.push(value);
						else query[name] = [value];
					} else {
						query[name] = value;
					}
				}
				return check(queryValidator, query);
			},
			validateBody: (body) => {
				if (!bodyValidator) return { ok: true, value: {} };
				const value = body === undefined && !bodyRequired ? {} : (body ?? {});
				return check(bodyValidator, value);
			},
			validateForm: (body) =>
				formValidator ? check(formValidator, body ?? {}) : { ok: true, value: {} },
			castBody: (body) => castLikeActiveRecord(body, castPlan),
		};
		this.operations.push(compiled);
		this.byId.set(operationId, compiled);
		const list = this.routes.get(segments.length);
		if (list) list.push(compiled);
		else this.routes.set(segments.length, [compiled]);
	}

	private compileResponse(
		operationId: string,
		status: number,
		closed: boolean,
	): ValidateFunction | null {
		const operation = this.byId.get(operationId);
		if (!operation) throw new Error(`OpenAPI: unknown operation ${operationId}`);
		const item =
			this.doc.paths[operation.pathTemplate][operation.method.toLowerCase() as HttpMethod];
		const responses = item?.responses ?? {};
		const raw =
			responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
		if (!raw) throw new Error(`OpenAPI: ${operationId} documents no ${status} response`);
		const schema = this.resolve(raw).content?.['application/json']?.schema;
		if (!schema) return null;
		if (!closed) return this.bodyAjv.compile(rewriteRefs(schema, false) as JsonSchema);
		if (!this.responseAjv) {
			this.responseAjv = newAjv({ coerce: false, defaults: false });
			this.responseAjv.addSchema(this.componentsSchema(true));
		}
		return this.responseAjv.compile(rewriteRefs(schema, true) as JsonSchema);
	}
}

/** Literal segments win over parameters, earliest segment first (`/contacts/search` before `/contacts/{id}`). */
function compareSpecificity(a: Operation, b: Operation): number {
	for (let i = 0; i < a.segments.length; i++) {
		const aLiteral = 'literal' in a.segments[i];
		const bLiteral = 'literal' in b.segments[i];
		if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
	}
	return 0;
}

let cached: { file: string; document: ApiDocument } | undefined;

/** The parsed and compiled document; compiled once per process and file. */
export function loadApiDocument(file: string = openApiPath()): ApiDocument {
	if (cached && cached.file === file) return cached.document;
	const document = new ApiDocument(JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument);
	cached = { file, document };
	return document;
}
