// The HueChat simulator: a real HTTP server on loopback that behaves as docs/contract.md says. This module
// is only the HTTP plumbing: reading requests, the request log, queued faults and the control
// surface. The API itself is rules.ts (general rules) + openapi.ts (routing and validation from the
// document) + resources/ (one handler per operationId) + store.ts / seed.ts (data).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	FaultQueue,
	RequestLog,
	SimulatorControl,
	handleControlRequest,
	type Control,
	type Fault,
} from './control.ts';
import { WebhookDelivery, handleDeliveryControl, type DeliveryOptions } from './delivery.ts';
import { BLOB_PREFIX, serveBlob } from './attachments.ts';
import { ConventionSetting, type Convention } from './chatwoot.ts';
import { EventBus } from './events.ts';
import { loadApiDocument } from './openapi.ts';
import { handlers } from './resources/index.ts';
import {
	ApiRules,
	IdempotencyCache,
	KeyRing,
	RateLimiter,
	errorBody,
	type ApiResponse,
} from './rules.ts';
import { DEFAULT_CONTACTS, DEMO_ACCOUNT_ID, DEMO_TOKEN } from './seed.ts';
import { Store } from './store.ts';

export type { Control, Fault, FaultSpec, RecordedRequest, ResetOptions } from './control.ts';
export type { ApiKey, KeyOptions } from './rules.ts';
export type { Convention } from './chatwoot.ts';
export { DEMO_TOKEN } from './seed.ts';

export interface SimulatorOptions {
	/** TCP port; 0 (the default) picks a free one. */
	port?: number;
	/** Interface to listen on (default 127.0.0.1). */
	host?: string;
	/** Seeded contacts (default 300). */
	contacts?: number;
	/** Rate-limit window in seconds (default 60; tests use 1 or 2). */
	windowSeconds?: number;
	/** No per-request log lines on stderr (default true). */
	quiet?: boolean;
	/** Answer 426 to requests whose Host header is not loopback, as HueChat does for plain HTTP (default false). */
	enforceHttps?: boolean;
	/** Webhook delivery settings (retry backoff, attempts, timeout); see delivery.ts. */
	delivery?: DeliveryOptions;
	/**
	 * `huechat` (default): v1 creates answer 201 and deletes 204, as HueChat's contract says. `chatwoot`: v1 creates
	 * and deletes answer as Chatwoot does (200; deletes with an empty body), per each operation's `x-chatwoot`.
	 */
	convention?: Convention;
}

export interface Simulator {
	/** http://127.0.0.1:<port>, no trailing slash: the credential's base URL. */
	url: string;
	port: number;
	accountId: number;
	demoToken: string;
	store: Store;
	control: Control;
	/** Domain events raised by handlers (webhook delivery listens here). */
	events: EventBus;
	/** Signed webhook deliveries of those events, their log and hand-made (forged, stale, …) deliveries. */
	delivery: WebhookDelivery;
	close(): Promise<void>;
}

const CONTROL_PREFIX = '/__sim';
const MAX_BODY_BYTES = 50 * 1024 * 1024;

function parseLoggedBody(raw: Buffer): unknown {
	if (raw.length === 0) return null;
	const text = raw.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function queryObject(search: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [name, value] of search) {
		const previous = out[name];
		out[name] =
			previous === undefined
				? value
				: Array.isArray(previous)
					? [...previous, value]
					: [previous, value];
	}
	return out;
}

function send(res: http.ServerResponse, response: ApiResponse): void {
	if (res.destroyed) return;
	const headers: Record<string, string | number> = { ...response.headers };
	if (response.status === 204 || response.body === undefined) {
		res.writeHead(response.status, headers);
		res.end();
		return;
	}
	const json = JSON.stringify(response.body);
	headers['Content-Type'] = 'application/json; charset=utf-8';
	headers['Content-Length'] = Buffer.byteLength(json);
	res.writeHead(response.status, headers);
	res.end(json);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const host = options.host ?? '127.0.0.1';
	const contacts = options.contacts ?? DEFAULT_CONTACTS;
	const quiet = options.quiet ?? true;

	const document = loadApiDocument();
	const store = new Store();
	const keys = new KeyRing();
	const limiter = new RateLimiter(options.windowSeconds ?? 60);
	const idempotency = new IdempotencyCache();
	const faults = new FaultQueue();
	const log = new RequestLog();
	const events = new EventBus();
	const delivery = new WebhookDelivery(store, events, options.delivery);
	const convention = new ConventionSetting(options.convention ?? 'huechat');
	const control = new SimulatorControl({
		store,
		keys,
		limiter,
		idempotency,
		faults,
		log,
		contacts,
		convention,
		onReset: () => delivery.reset(),
	});
	control.reset();
	const rules = new ApiRules({
		document,
		handlers,
		store,
		keys,
		limiter,
		idempotency,
		events,
		options: { enforceHttps: options.enforceHttps ?? false, convention: () => convention.get() },
	});

	const answerFault = (req: http.IncomingMessage, fault: Fault): ApiResponse => {
		const status = fault.status ?? 500;
		const headers = rules.peekRateLimit(req.headers, req.socket.remoteAddress ?? '');
		if (status === 429 || fault.retryAfter !== undefined) {
			const retryAfter = fault.retryAfter ?? 1;
			headers['Retry-After'] = String(retryAfter);
			if (status === 429) {
				headers['X-RateLimit-Remaining'] = '0';
				headers['X-RateLimit-Reset'] = String(Math.ceil(Date.now() / 1000) + retryAfter);
			}
		}
		const body = fault.body ?? errorBody(status, `Simulated ${status} fault`);
		return { status, headers, body };
	};

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
		const started = Date.now();
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname;
		let rawBody: Buffer;
		try {
			rawBody = await readBody(req);
		} catch {
			return;
		}

		if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
			const rest = path.slice(CONTROL_PREFIX.length + 1);
			const result =
				(await handleDeliveryControl(
					delivery,
					method,
					rest,
					url.searchParams,
					parseLoggedBody(rawBody),
				)) ??
				handleControlRequest(control, method, rest, url.searchParams, parseLoggedBody(rawBody));
			send(res, { status: result.status, headers: {}, body: result.body });
			return;
		}

		const entry = log.add({
			time: started,
			method,
			path,
			query: queryObject(url.searchParams),
			headers: { ...req.headers },
			body: parseLoggedBody(rawBody),
			status: null,
		});
		const finish = (response: ApiResponse): void => {
			entry.status = response.status;
			entry.answeredAt = Date.now();
			send(res, response);
			if (!quiet)
				process.stderr.write(
					`${method} ${req.url ?? path} → ${response.status} (${Date.now() - started} ms)\n`,
				);
		};

		// Faults come before any rule or handler, so a faulted request never changes the store (except `dropAfter`).
		const fault = faults.take(method, path);
		if (fault?.kind === 'drop') {
			req.socket.destroy();
			if (!quiet) process.stderr.write(`${method} ${req.url ?? path} → dropped\n`);
			return;
		}
		if (fault?.kind === 'status') {
			finish(answerFault(req, fault));
			return;
		}
		if (fault?.kind === 'latency') await sleep(fault.latencyMs ?? 1000);

		// Attachment files (a message's `data_url`): served without the API token, like ActiveStorage URLs.
		if (method === 'GET' && path.startsWith(BLOB_PREFIX)) {
			const blob = serveBlob(store, path);
			entry.status = blob.status;
			if (!res.destroyed) {
				res.writeHead(blob.status, blob.headers);
				res.end(blob.body);
			}
			return;
		}

		const response = await rules.process({
			method,
			path,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			remoteAddress: req.socket.remoteAddress ?? '',
		});
		if (fault?.kind === 'dropAfter') {
			// The request took effect but its answer is lost: what an Idempotency-Key exists for.
			entry.status = response.status;
			req.socket.destroy();
			if (!quiet)
				process.stderr.write(`${method} ${req.url ?? path} → ${response.status}, answer dropped\n`);
			return;
		}
		finish(response);
	};

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			send(res, {
				status: 500,
				headers: {},
				body: errorBody(
					500,
					`Internal error: ${error instanceof Error ? error.message : String(error)}`,
				),
			});
		});
	});
	server.keepAliveTimeout = 5_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const urlHost = host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${urlHost}:${port}`,
		port,
		accountId: DEMO_ACCOUNT_ID,
		demoToken: DEMO_TOKEN,
		store,
		control,
		events,
		delivery,
		close: () =>
			new Promise<void>((resolve, reject) => {
				delivery.close();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

/** For a process that only runs a simulator: SIGINT or SIGTERM closes it once, then the process exits. */
export function closeOnSignals(simulator: Pick<Simulator, 'close'>): void {
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		simulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
