/**
 * Why DEFAULT_CONCURRENCY requests per key at once: at a typical API latency (250 ms) one request at a time gives about
 * 4 requests/s, while a key's default limit (DEFAULT_RPM, 600 a minute) is 10/s. This measures requests/s for 1, 2, 4
 * and 8 concurrent requests (the settings the README reports) and for the node left at its default; the default must
 * be the smallest of those settings that reaches the default limit (more only adds bursts).
 */
import { DEFAULT_CONCURRENCY } from '../../nodes/shared/transport/pacing';
import { DEFAULT_RPM } from '../../simulator/rules.ts';
import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { recordFigures } from './figures';

let fx: SimulatorFixture;
const LATENCY_S = 0.25;
const REQUESTS = 40;
const SETTINGS = [1, 2, 4, 8];
const DEFAULT_LIMIT_PER_S = DEFAULT_RPM / 60;

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.sim.close());

/** Requests per second for REQUESTS contact reads at LATENCY_S each, with Max Concurrent Requests at `concurrency` (unset: the node's default). */
async function measure(concurrency: number | undefined): Promise<number> {
	await fx.sim.control.addFault({
		kind: 'latency',
		latencyMs: LATENCY_S * 1000,
		count: REQUESTS,
		path: '/contacts/',
	});
	const started = Date.now();
	const { items } = await runHueChat({
		credentials: fx.credentials,
		items: Array.from({ length: REQUESTS }, (_, i) => ({ id: i + 1 })),
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			...(concurrency === undefined ? {} : { requestOptions: { maxConcurrency: concurrency } }),
		} as never,
	});
	const rate = REQUESTS / ((Date.now() - started) / 1000);
	expect(items.filter((item) => item.error)).toEqual([]);
	await fx.sim.control.clearFaults();
	return rate;
}

/** The setting is honoured (never more than `c` requests in flight: at most c / latency per second) and pays off (at least half of that on a busy 2-core machine). */
function expectBoundedBy(rate: number, concurrency: number): void {
	const ceiling = concurrency / LATENCY_S;
	expect(rate).toBeLessThanOrEqual(ceiling * 1.05);
	expect(rate).toBeGreaterThan(ceiling * 0.5);
}

it(`Max Concurrent Requests bounds and scales throughput; the default (${DEFAULT_CONCURRENCY}) is the smallest setting that clears the default ${DEFAULT_RPM} RPM at 250 ms`, async () => {
	const rates: Record<number, number> = {};
	for (const concurrency of SETTINGS) rates[concurrency] = await measure(concurrency);
	const unset = await measure(undefined);
	recordFigures(
		Object.fromEntries(
			Object.entries(rates).map(([c, rate]) => [
				`requests per second at concurrency ${c}`,
				Number(rate.toFixed(1)),
			]),
		),
	);
	for (const concurrency of SETTINGS) expectBoundedBy(rates[concurrency], concurrency);
	expectBoundedBy(unset, DEFAULT_CONCURRENCY);
	// c requests in flight at LATENCY_S each can reach at most c / LATENCY_S per second
	const smallestReachingTheLimit = SETTINGS.find(
		(concurrency) => concurrency / LATENCY_S >= DEFAULT_LIMIT_PER_S,
	);
	expect(DEFAULT_CONCURRENCY).toBe(smallestReachingTheLimit);
});
