// Shared helpers for the simulator tests: a small fetch wrapper that also checks every answer of a
// documented operation against the OpenAPI document's response schema (closed objects, so the
// document stays complete and the simulator never answers something undocumented).
import { loadApiDocument } from '../../simulator/openapi.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/server.ts';

export const DEMO_TOKEN = 'hc_test_demo_0000000000000000';
export const V1 = '/api/v1/accounts/1';

export interface ApiCall {
	token?: string | null;
	body?: unknown;
	rawBody?: string;
	headers?: Record<string, string>;
	/** Check the response against the document (default true). */
	conform?: boolean;
	/** The convention the simulator answers in: `chatwoot` checks an operation's `x-chatwoot` answer (default `huechat`). */
	convention?: 'huechat' | 'chatwoot';
}

export interface ApiAnswer {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** One simulator for the enclosing describe block (or file): started before its tests, reset before each, closed after. */
export function simulatorPerSuite(options: SimulatorOptions = {}): () => Simulator {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator(options);
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim?.control.reset();
	});
	return () => {
		if (!sim) throw new Error('the simulator is not started yet');
		return sim;
	};
}

export async function api(
	sim: Simulator,
	method: string,
	path: string,
	call: ApiCall = {},
): Promise<ApiAnswer> {
	const headers: Record<string, string> = { ...call.headers };
	const token = call.token === undefined ? DEMO_TOKEN : call.token;
	if (token !== null) headers.api_access_token = token;
	let body: string | undefined;
	if (call.rawBody !== undefined) {
		body = call.rawBody;
		headers['content-type'] ??= 'application/json';
	} else if (call.body !== undefined) {
		body = JSON.stringify(call.body);
		headers['content-type'] = 'application/json';
	}
	const response = await fetch(`${sim.url}${path}`, { method, headers, body });
	const text = await response.text();
	const parsed: unknown = text === '' ? undefined : JSON.parse(text);
	if (call.conform !== false) {
		if (call.convention === 'chatwoot')
			expectChatwootConforms(method, path, response.status, parsed, response.headers);
		else expectConforms(method, path, response.status, parsed);
	}
	return { status: response.status, headers: response.headers, body: parsed };
}

/** Throws when a documented operation answered a body its response schema does not allow. */
export function expectConforms(method: string, path: string, status: number, body: unknown): void {
	const document = loadApiDocument();
	const match = document.match(method, new URL(path, 'http://x').pathname);
	if (!match) {
		if (body !== undefined) expectErrorBody(body, status);
		return;
	}
	const problems = document.validateResponse(match.operation.operationId, status, body);
	if (problems.length > 0) {
		throw new Error(
			`${method} ${path} → ${status} does not match the document:\n${problems.slice(0, 10).join('\n')}\n${JSON.stringify(body).slice(0, 800)}`,
		);
	}
}

/**
 * For the `chatwoot` convention: an operation with an `x-chatwoot` answer gave exactly that status, and either no
 * body (with Rails' JSON content type for `head :ok`) or HueChat's success body (Chatwoot's objects where HueChat has
 * null, per `nullAs`). Other operations answer as in the `huechat` convention.
 */
export function expectChatwootConforms(
	method: string,
	path: string,
	status: number,
	body: unknown,
	headers: Headers,
): void {
	const document = loadApiDocument();
	const match = document.match(method, new URL(path, 'http://x').pathname);
	const answer = match?.operation.chatwoot;
	if (!match || !answer || status >= 300) {
		expectConforms(method, path, status, body);
		return;
	}
	if (status !== answer.status)
		throw new Error(`${method} ${path} → ${status}, Chatwoot answers ${answer.status}`);
	if (answer.body === 'empty') {
		if (body !== undefined)
			throw new Error(
				`${method} ${path} → a body where Chatwoot sends none: ${JSON.stringify(body)}`,
			);
		const contentType = headers.get('content-type');
		if (status !== 204 && contentType !== 'application/json')
			throw new Error(
				`${method} ${path} → content type ${contentType}, Rails' head :ok sends application/json`,
			);
		return;
	}
	const huechatBody = structuredClone(body) as Record<string, unknown>;
	for (const [pointer, replacement] of Object.entries(answer.nullAs ?? {})) {
		const parts = pointer.split('/').slice(1);
		const last = parts.pop() as string;
		const parent = parts.reduce<Record<string, unknown> | undefined>(
			(node, part) => node?.[part] as Record<string, unknown> | undefined,
			huechatBody,
		);
		if (parent && JSON.stringify(parent[last]) === JSON.stringify(replacement)) parent[last] = null;
	}
	const operation =
		document.doc.paths[match.operation.pathTemplate][
			match.operation.method.toLowerCase() as 'post'
		];
	const success =
		Object.keys(operation?.responses ?? {}).find((code) => code.startsWith('2')) ?? '200';
	const problems = document.validateResponse(
		match.operation.operationId,
		Number(success),
		huechatBody,
	);
	if (problems.length > 0)
		throw new Error(
			`${method} ${path} → ${status} is not HueChat's ${success} body:\n${problems.slice(0, 10).join('\n')}`,
		);
}

export function expectErrorBody(body: unknown, status: number): void {
	const error = body as { error?: unknown; code?: unknown; status?: unknown };
	if (
		typeof error?.error !== 'string' ||
		typeof error.code !== 'string' ||
		error.status !== status
	) {
		throw new Error(`not a HueChat error body for ${status}: ${JSON.stringify(body)}`);
	}
}

export function expectRateLimitHeaders(headers: Headers): void {
	for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
		const value = headers.get(name);
		if (value === null || !/^\d+$/.test(value))
			throw new Error(`missing or malformed ${name}: ${value}`);
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until just after the start of the next fixed rate-limit window. */
export async function alignToWindow(windowSeconds: number): Promise<void> {
	const windowMs = windowSeconds * 1000;
	await sleep(windowMs - (Date.now() % windowMs) + 25);
}
