/** Starts the HueChat simulator on a free 127.0.0.1 port for a test file and hands out credentials for it. */
import { startSimulator } from '../../simulator/server.ts';
import type { HueChatCredentials } from './routing';

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
}

export async function startFixture(options: Parameters<typeof startSimulator>[0] = {}): Promise<SimulatorFixture> {
	const sim = await startSimulator({ port: 0, quiet: true, ...options });
	const credentialsWith = async (key: { scopes?: string[]; rpm?: number }): Promise<HueChatCredentials> => {
		const created = await sim.control.createKey({ scopes: key.scopes ?? ['*'], rpm: key.rpm ?? 100_000 });
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
