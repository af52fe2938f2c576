/** Starts the HueChat simulator on a free 127.0.0.1 port for a test file and hands out credentials for it. */
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

import { parseConvention, type Convention } from '../../simulator/chatwoot.ts';
import { startSimulator } from '../../simulator/server.ts';
import { runHueChat, type HueChatCredentials, type RunOptions, type RunResult } from './routing';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface SimulatorFixture {
	sim: Simulator;
	/** A key with every scope and a limit high enough that tests never meet it unless they ask to. */
	credentials: HueChatCredentials;
	/** Requests the simulator received since the fixture was last cleared (control surface, not a mock). */
	requests(): Promise<RecordedRequest[]>;
	clearRequests(): Promise<void>;
	/** Fresh credentials with the given scopes / rate limit. */
	credentialsWith(key: { scopes?: string[]; rpm?: number }): Promise<HueChatCredentials>;
}

export interface RecordedRequest {
	seq: number;
	method: string;
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, string>;
	body: unknown;
	status: number;
	/** Epoch ms of arrival and of the answer. */
	time: number;
	answeredAt?: number | null;
}

/** The most requests of `requests` the simulator was answering at the same moment. */
export function mostInFlight(requests: RecordedRequest[]): number {
	const edges = requests.flatMap((r) => [
		{ at: r.time, step: 1 },
		{ at: r.answeredAt ?? r.time, step: -1 },
	]);
	// an answer at the same millisecond as an arrival counts as before it
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let current = 0;
	let most = 0;
	for (const edge of edges) most = Math.max(most, (current += edge.step));
	return most;
}

/**
 * The convention test simulators answer in: `HUECHAT_SIM_CONVENTION=chatwoot` runs the suites against Chatwoot's
 * status codes and bodies for v1 creates and deletes (default `huechat`).
 */
export function conventionFromEnv(): Convention {
	const raw = process.env.HUECHAT_SIM_CONVENTION;
	return raw === undefined || raw === '' ? 'huechat' : parseConvention(raw);
}

/**
 * What the simulator answers a v1 success with, by kind, in each convention: HueChat's contract (201 Created,
 * 204 No Content) or Chatwoot's controllers (a create renders the record, 200; a delete and the two toggles are
 * `head :ok`, 200 with an empty body). Custom attribute definition deletes are `head :no_content` in Chatwoot too,
 * 204 in both: no kind here.
 */
const V1_SUCCESS = {
	create: { huechat: 201, chatwoot: 200 },
	delete: { huechat: 204, chatwoot: 200 },
	toggle: { huechat: 204, chatwoot: 200 },
} as const satisfies Record<string, Record<Convention, number>>;

/** The status the fixture's simulator answers a v1 create, delete or toggle with, in the convention it runs in now. */
export function v1Status(fx: SimulatorFixture, kind: keyof typeof V1_SUCCESS): number {
	return V1_SUCCESS[kind][fx.sim.control.convention()];
}

export async function startFixture(
	options: Parameters<typeof startSimulator>[0] = {},
): Promise<SimulatorFixture> {
	const sim = await startSimulator({
		port: 0,
		quiet: true,
		convention: conventionFromEnv(),
		...options,
	});
	const recordTo = process.env.HUECHAT_RECORD_REQUESTS;
	if (recordTo) recordRequests(sim, recordTo);
	const credentialsWith = async (key: {
		scopes?: string[];
		rpm?: number;
	}): Promise<HueChatCredentials> => {
		const created = await sim.control.createKey({
			scopes: key.scopes ?? ['*'],
			rpm: key.rpm ?? 100_000,
		});
		return { apiToken: created.token, accountId: sim.accountId, baseUrl: sim.url };
	};
	const credentials = await credentialsWith({});
	return {
		sim,
		credentials,
		requests: async () => (await sim.control.requests()) as unknown as RecordedRequest[],
		clearRequests: async () => {
			await sim.control.clearRequests();
		},
		credentialsWith,
	};
}

/**
 * Opt-in (`HUECHAT_RECORD_REQUESTS=<file>`): appends every request the simulator received to `<file>`, one JSON line
 * each (test file, method, path, query, body, status), before the log is cleared or reset and when the simulator
 * closes. Recorded over the node suites before and after a refactor, the two files show whether the requests the
 * node sends changed.
 */
function recordRequests(sim: Simulator, file: string): void {
	const testFile = basename(expect.getState().testPath ?? 'unknown');
	let lastSeq = 0;
	const flush = () => {
		const lines = sim.control.requests(lastSeq).map((request) => {
			lastSeq = request.seq;
			const { method, path, query, body, status } = request;
			return JSON.stringify({ testFile, method, path, query, body, status }) + '\n';
		});
		if (lines.length > 0) appendFileSync(file, lines.join(''));
	};
	for (const name of ['clearRequests', 'reset'] as const) {
		const original = sim.control[name].bind(sim.control) as (...args: unknown[]) => void;
		(sim.control as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
			flush();
			original(...args);
		};
	}
	const close = sim.close;
	sim.close = async () => {
		flush();
		await close();
	};
}

/** A resource locator set "By ID". */
export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

export interface NodeSuite {
	/** The file's simulator fixture (available inside tests and hooks). */
	readonly fx: SimulatorFixture;
	/** Runs the HueChat node with `resource` preset through the routing engine against the fixture. */
	run(parameters: Record<string, unknown>, extra?: Partial<RunOptions>): Promise<RunResult>;
}

/**
 * The hooks every node test file needs: one simulator for the file, started before its tests and closed after;
 * before each test the request log is cleared and, with `reseed`, the demo data is seeded afresh (reset drops the
 * keys, so the fixture's key is added again).
 */
export function nodeSuite(
	resource: string,
	options: Parameters<typeof startSimulator>[0] & { reseed?: boolean } = {},
): NodeSuite {
	const { reseed, ...simulatorOptions } = options;
	let fixture: SimulatorFixture | undefined;
	beforeAll(async () => {
		fixture = await startFixture(simulatorOptions);
	});
	afterAll(async () => fixture?.sim.close());
	beforeEach(async () => {
		if (reseed) {
			fixture!.sim.control.reset();
			fixture!.sim.control.createKey({
				token: fixture!.credentials.apiToken,
				scopes: ['*'],
				rpm: 100_000,
			});
		}
		await fixture!.clearRequests();
	});
	const suite: NodeSuite = {
		get fx() {
			return fixture!;
		},
		run: (parameters, extra = {}) =>
			runHueChat({
				credentials: suite.fx.credentials,
				parameters: { resource, ...parameters } as never,
				...extra,
			}),
	};
	return suite;
}
