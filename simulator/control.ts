// The test-control surface: reset, API keys, queued faults, the request log, the convention and a view of the store.
// Available programmatically (`sim.control`) and over HTTP under /__sim/ (no auth: the simulator
// listens on loopback only).
import type { Convention, ConventionSetting } from './chatwoot.ts';
import type { IdempotencyCache, ApiKey, KeyOptions, KeyRing, RateLimiter } from './rules.ts';
import { DEMO_TOKEN, seedStore } from './seed.ts';
import { COLLECTIONS, type CollectionName, type Store } from './store.ts';

// ---- request log ---------------------------------------------------------------------------------

export interface RecordedRequest {
	seq: number;
	/** Epoch milliseconds when the request arrived. */
	time: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, the raw text when it is not JSON, or null when there was none. */
	body: unknown;
	/** The status answered; null while in flight or when the connection was dropped. */
	status: number | null;
	/** Epoch milliseconds when the answer was sent (null until then): how many requests overlapped. */
	answeredAt?: number | null;
}

const REQUEST_LOG_LIMIT = 20_000;

export class RequestLog {
	private lastSeq = 0;
	private entries: RecordedRequest[] = [];

	add(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
		const recorded: RecordedRequest = { seq: ++this.lastSeq, ...entry };
		this.entries.push(recorded);
		if (this.entries.length > REQUEST_LOG_LIMIT)
			this.entries.splice(0, this.entries.length - REQUEST_LOG_LIMIT);
		return recorded;
	}

	/** Requests with seq > `since` (all when omitted), oldest first. Sequence numbers never restart. */
	since(since = 0): RecordedRequest[] {
		let lo = 0;
		let hi = this.entries.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.entries[mid].seq <= since) lo = mid + 1;
			else hi = mid;
		}
		return this.entries.slice(lo).map((entry) => structuredClone(entry));
	}

	clear(): void {
		this.entries = [];
	}
}

// ---- faults --------------------------------------------------------------------------------------

/** `drop`: the connection is cut before the request is handled; `dropAfter`: after (the change is made, the answer lost). */
export type FaultKind = 'status' | 'drop' | 'dropAfter' | 'latency';

export interface FaultSpec {
	kind: FaultKind;
	/** For `status` faults: the status to answer (with the HueChat error body and rate-limit headers). */
	status?: number;
	/** How many matching requests the fault consumes (default 1). */
	count?: number;
	/** Only requests with this method (any when omitted). */
	method?: string;
	/** Substring of the request path, or `/regex/flags` (any path when omitted). */
	path?: string;
	/** For `latency` faults: the delay before answering normally (default 1000). */
	latencyMs?: number;
	/** Retry-After seconds (status faults; 429 always gets one, default 1). */
	retryAfter?: number;
	/** Replaces the error body of a status fault. */
	body?: unknown;
}

export interface Fault extends FaultSpec {
	id: number;
	/** Matching requests still to be faulted. */
	remaining: number;
}

function pathMatcher(pattern: string | undefined): (path: string) => boolean {
	if (pattern === undefined || pattern === '') return () => true;
	const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
	if (regex) {
		const compiled = new RegExp(regex[1], regex[2]);
		return (path) => compiled.test(path);
	}
	return (path) => path.includes(pattern);
}

export class FaultQueue {
	private lastId = 0;
	private faults: { fault: Fault; matches: (path: string) => boolean }[] = [];

	add(spec: FaultSpec): Fault {
		if (!spec || !['status', 'drop', 'dropAfter', 'latency'].includes(spec.kind))
			throw new Error('kind must be "status", "drop", "dropAfter" or "latency"');
		if (
			spec.kind === 'status' &&
			!(
				Number.isInteger(spec.status) &&
				(spec.status as number) >= 100 &&
				(spec.status as number) <= 599
			)
		) {
			throw new Error('a status fault needs status (100-599)');
		}
		const count = spec.count ?? 1;
		if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
		if (spec.latencyMs !== undefined && !(Number.isFinite(spec.latencyMs) && spec.latencyMs >= 0))
			throw new Error('latencyMs must be >= 0');
		if (
			spec.retryAfter !== undefined &&
			!(Number.isInteger(spec.retryAfter) && spec.retryAfter >= 0)
		)
			throw new Error('retryAfter must be a whole number of seconds');
		if (spec.method !== undefined && typeof spec.method !== 'string')
			throw new Error('method must be a string');
		if (spec.path !== undefined && typeof spec.path !== 'string')
			throw new Error('path must be a string');
		let matches: (path: string) => boolean;
		try {
			matches = pathMatcher(spec.path);
		} catch (error) {
			throw new Error(`path is not a valid /regex/: ${(error as Error).message}`);
		}
		const fault: Fault = { ...spec, count, id: ++this.lastId, remaining: count };
		if (spec.kind === 'latency') fault.latencyMs = spec.latencyMs ?? 1000;
		this.faults.push({ fault, matches });
		return { ...fault };
	}

	/** Consumes one use of the first queued fault that matches the request. */
	take(method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex(
			({ fault, matches }) =>
				(fault.method === undefined || fault.method.toUpperCase() === method.toUpperCase()) &&
				matches(path),
		);
		if (index < 0) return undefined;
		const { fault } = this.faults[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults.splice(index, 1);
		return { ...fault };
	}

	list(): Fault[] {
		return this.faults.map(({ fault }) => ({ ...fault }));
	}

	clear(): void {
		this.faults = [];
	}
}

// ---- control -------------------------------------------------------------------------------------

export interface ResetOptions {
	/** Seeded contacts (default: the count the simulator was started with). */
	contacts?: number;
}

/** The view of an API key the control surface returns. */
export type KeyInfo = ApiKey;

export interface Control {
	/**
	 * Wipes and reseeds the store; also clears keys created via control, rate-limit windows, idempotency records,
	 * faults and the request log, and puts the convention back to the one the simulator started with.
	 */
	reset(options?: ResetOptions): void;
	/** Adds an API key (token `hc_test_<hex>` unless given; scopes ["*"], rpm 600, account [1], user 1 by default). */
	createKey(options?: KeyOptions): KeyInfo;
	addFault(spec: FaultSpec): Fault;
	clearFaults(): void;
	faults(): Fault[];
	/** Recorded API requests with seq > since. */
	requests(since?: number): RecordedRequest[];
	clearRequests(): void;
	/** A store collection as an array: accounts, users (alias agents), inboxes, teams, contacts, contact_inboxes, conversations, messages; also keys. */
	collection(name: string): unknown[];
	/** `huechat` (HueChat's status codes: creates 201, deletes 204) or `chatwoot` (Chatwoot's, for v1). */
	convention(): Convention;
	/** Switches the convention until the next reset; throws on an unknown one. */
	setConvention(convention: Convention): Convention;
}

export interface ControlDependencies {
	store: Store;
	keys: KeyRing;
	limiter: RateLimiter;
	idempotency: IdempotencyCache;
	faults: FaultQueue;
	log: RequestLog;
	contacts: number;
	convention: ConventionSetting;
	/** Called at the end of every reset (webhook delivery drops its log and scheduled retries). */
	onReset?: () => void;
}

export class SimulatorControl implements Control {
	private readonly deps: ControlDependencies;

	constructor(deps: ControlDependencies) {
		this.deps = deps;
	}

	reset(options: ResetOptions = {}): void {
		const { store, keys, limiter, idempotency, faults, log, convention } = this.deps;
		const contacts = options.contacts ?? this.deps.contacts;
		if (!Number.isInteger(contacts) || contacts < 0)
			throw new Error('contacts must be a non-negative integer');
		store.clear();
		seedStore(store, { contacts });
		keys.clear();
		keys.add({ token: DEMO_TOKEN, scopes: ['*'], rpm: 600, accountIds: [1], userId: 1 });
		limiter.clear();
		idempotency.clear();
		faults.clear();
		log.clear();
		convention.reset();
		this.deps.onReset?.();
	}

	createKey(options: KeyOptions = {}): KeyInfo {
		return { ...this.deps.keys.add(options) };
	}

	addFault(spec: FaultSpec): Fault {
		return this.deps.faults.add(spec);
	}

	clearFaults(): void {
		this.deps.faults.clear();
	}

	faults(): Fault[] {
		return this.deps.faults.list();
	}

	requests(since?: number): RecordedRequest[] {
		return this.deps.log.since(since);
	}

	clearRequests(): void {
		this.deps.log.clear();
	}

	collection(name: string): unknown[] {
		if (name === 'keys') return this.deps.keys.list().map((key) => ({ ...key }));
		const collection = (name === 'agents' ? 'users' : name) as CollectionName;
		if (!COLLECTIONS.includes(collection))
			throw new Error(
				`unknown collection ${name}; one of: ${[...COLLECTIONS, 'agents', 'keys'].join(', ')}`,
			);
		return structuredClone(this.deps.store.list(collection));
	}

	convention(): Convention {
		return this.deps.convention.get();
	}

	setConvention(convention: Convention): Convention {
		return this.deps.convention.set(convention);
	}
}

export interface ControlResponse {
	status: number;
	body?: unknown;
}

function asObject(body: unknown): Record<string, unknown> {
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: {};
}

/**
 * The HTTP form of the control surface, for `/__sim/<rest>`:
 *   GET    /__sim/health                 {ok, accountId, demoToken}
 *   POST   /__sim/reset    {contacts?}   {ok: true}
 *   POST   /__sim/keys     {token?, scopes?, rpm?, expiresAt?, accountIds?, userId?} → 201 the key
 *   GET    /__sim/keys                   {keys: [...]}
 *   POST   /__sim/faults   FaultSpec     → 201 the fault
 *   GET    /__sim/faults                 {faults: [...]}
 *   DELETE /__sim/faults                 204
 *   GET    /__sim/requests?since=<seq>   {requests: [...]}
 *   DELETE /__sim/requests               204
 *   GET    /__sim/store/<collection>     the collection as an array
 *   GET    /__sim/convention             {convention}
 *   PUT    /__sim/convention {convention} {convention}: `huechat` or `chatwoot`, until the next reset
 * Webhook deliveries have their own routes (/__sim/deliveries, /__sim/deliver, /__sim/delivery-settings): delivery.ts.
 */
export function handleControlRequest(
	control: Control,
	method: string,
	rest: string,
	query: URLSearchParams,
	body: unknown,
): ControlResponse {
	const route = `${method.toUpperCase()} ${rest.replace(/\/+$/, '')}`;
	try {
		switch (route) {
			case 'GET health':
			case 'GET ':
				return { status: 200, body: { ok: true, accountId: 1, demoToken: DEMO_TOKEN } };
			case 'POST reset': {
				const contacts = asObject(body).contacts;
				control.reset(contacts === undefined ? {} : { contacts: Number(contacts) });
				return { status: 200, body: { ok: true } };
			}
			case 'POST keys':
				return { status: 201, body: control.createKey(asObject(body) as KeyOptions) };
			case 'GET keys':
				return { status: 200, body: { keys: control.collection('keys') } };
			case 'POST faults':
				return { status: 201, body: control.addFault(asObject(body) as unknown as FaultSpec) };
			case 'GET faults':
				return { status: 200, body: { faults: control.faults() } };
			case 'DELETE faults':
				control.clearFaults();
				return { status: 204 };
			case 'GET requests': {
				const since = query.get('since');
				return {
					status: 200,
					body: { requests: control.requests(since === null ? undefined : Number(since)) },
				};
			}
			case 'DELETE requests':
				control.clearRequests();
				return { status: 204 };
			case 'GET convention':
				return { status: 200, body: { convention: control.convention() } };
			case 'PUT convention':
				return {
					status: 200,
					body: { convention: control.setConvention(asObject(body).convention as Convention) },
				};
			default:
				if (method.toUpperCase() === 'GET' && rest.startsWith('store/')) {
					try {
						return { status: 200, body: control.collection(rest.slice('store/'.length)) };
					} catch (error) {
						return { status: 404, body: { error: (error as Error).message } };
					}
				}
				return {
					status: 404,
					body: { error: `no control endpoint ${method.toUpperCase()} /__sim/${rest}` },
				};
		}
	} catch (error) {
		return { status: 400, body: { error: (error as Error).message } };
	}
}
