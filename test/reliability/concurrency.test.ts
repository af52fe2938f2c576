/**
 * How many requests of a key run at once. Why BASE_CONCURRENCY: at a typical API latency (250 ms) one request at a
 * time gives about 4 requests/s, while a key's default limit (DEFAULT_RPM, 600 a minute) is 10/s; this measures
 * requests/s for 1, 2, 4 and 8 concurrent requests (the settings the README reports), and BASE_CONCURRENCY must be the
 * smallest of them that reaches the default limit. Left at its default, Max Concurrent Requests lets more run when
 * the key's window has budget that BASE_CONCURRENCY could not spend in time: a 6,000 RPM key at 100 ms a request is
 * read faster than 4 in flight can go.
 */
import { BASE_CONCURRENCY, DEFAULT_MAX_CONCURRENCY } from '../../nodes/shared/transport/pacing';
import { DEFAULT_RPM } from '../../simulator/rules.ts';
import { runHueChat, type HueChatCredentials } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { recordFigures } from './figures';

let fx: SimulatorFixture;
const SETTINGS = [1, 2, 4, 8];
const DEFAULT_LIMIT_PER_S = DEFAULT_RPM / 60;

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.sim.close());

/** Requests per second for `requests` contact reads at `latencyS` each, with Max Concurrent Requests at `concurrency` (unset: the node's default). */
async function measure(
	concurrency: number | undefined,
	{
		latencyS,
		requests,
		credentials = fx.credentials,
	}: { latencyS: number; requests: number; credentials?: HueChatCredentials },
): Promise<number> {
	await fx.sim.control.addFault({
		kind: 'latency',
		latencyMs: latencyS * 1000,
		count: requests,
		path: '/contacts/',
	});
	const started = Date.now();
	const { items } = await runHueChat({
		credentials,
		items: Array.from({ length: requests }, (_, i) => ({ id: (i % 40) + 1 })),
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			...(concurrency === undefined ? {} : { requestOptions: { maxConcurrency: concurrency } }),
		} as never,
	});
	const rate = requests / ((Date.now() - started) / 1000);
	expect(items.filter((item) => item.error)).toEqual([]);
	await fx.sim.control.clearFaults();
	return rate;
}

/** The setting is honoured (never more than `c` requests in flight: at most c / latency per second) and pays off (at least half of that on a busy 2-core machine). */
function expectBoundedBy(rate: number, concurrency: number, latencyS: number): void {
	const ceiling = concurrency / latencyS;
	expect(rate).toBeLessThanOrEqual(ceiling * 1.05);
	expect(rate).toBeGreaterThan(ceiling * 0.5);
}

it(`Max Concurrent Requests bounds and scales throughput; ${BASE_CONCURRENCY} at once is the smallest setting that clears the default ${DEFAULT_RPM} RPM at 250 ms`, async () => {
	const latencyS = 0.25;
	const rates: Record<number, number> = {};
	for (const concurrency of SETTINGS)
		rates[concurrency] = await measure(concurrency, { latencyS, requests: 40 });
	recordFigures(
		Object.fromEntries(
			Object.entries(rates).map(([c, rate]) => [
				`requests per second at concurrency ${c}`,
				Number(rate.toFixed(1)),
			]),
		),
	);
	for (const concurrency of SETTINGS) expectBoundedBy(rates[concurrency], concurrency, latencyS);
	// c requests in flight at latencyS each can reach at most c / latencyS per second
	const smallestReachingTheLimit = SETTINGS.find(
		(concurrency) => concurrency / latencyS >= DEFAULT_LIMIT_PER_S,
	);
	expect(BASE_CONCURRENCY).toBe(smallestReachingTheLimit);
});

it(`left at its default (${DEFAULT_MAX_CONCURRENCY}), a 6,000 RPM key at 100 ms a request is read faster than ${BASE_CONCURRENCY} at once could`, async () => {
	const latencyS = 0.1;
	const credentials = await fx.credentialsWith({ rpm: 6_000 });
	const rate = await measure(undefined, { latencyS, requests: 300, credentials });
	recordFigures({
		'requests per second, default setting, 6,000 RPM key at 100 ms': Number(rate.toFixed(1)),
	});
	// the budget spread over the rest of a 60-second window is at least 100 a second: 4 at once (40/s) are too few
	expect(rate).toBeGreaterThan((BASE_CONCURRENCY / latencyS) * 1.5);
	expect(rate).toBeLessThanOrEqual((DEFAULT_MAX_CONCURRENCY / latencyS) * 1.05);
});
