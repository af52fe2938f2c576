/**
 * Why 4 concurrent requests per key by default: at a typical API latency (250 ms) one request at a time gives about
 * 4 requests/s, while a key's default limit is 600 RPM = 10/s. This measures requests/s for 1, 2, 4 and 8
 * concurrent requests; the default must be the smallest that reaches the default limit (more only adds bursts).
 */
import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { recordFigures } from './figures';

let fx: SimulatorFixture;
const LATENCY_MS = 250;
const REQUESTS = 40;
const DEFAULT_LIMIT_PER_S = 600 / 60;

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.sim.close());

it('4 concurrent requests is the smallest setting that reaches the default 600 RPM at 250 ms latency', async () => {
	const rates: Record<number, number> = {};
	for (const concurrency of [1, 2, 4, 8]) {
		await fx.sim.control.addFault({ kind: 'latency', latencyMs: LATENCY_MS, count: REQUESTS, path: '/contacts/' });
		const started = Date.now();
		const { items } = await runHueChat({
			credentials: fx.credentials,
			items: Array.from({ length: REQUESTS }, (_, i) => ({ id: i + 1 })),
			parameters: {
				resource: 'contact',
				operation: 'get',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				requestOptions: { maxConcurrency: concurrency },
			} as never,
		});
		rates[concurrency] = REQUESTS / ((Date.now() - started) / 1000);
		expect(items.filter((item) => item.error)).toEqual([]);
		await fx.sim.control.clearFaults();
	}
	recordFigures(Object.fromEntries(Object.entries(rates).map(([c, rate]) => [`requests per second at concurrency ${c}`, Number(rate.toFixed(1))])));
	expect(rates[2]).toBeLessThan(DEFAULT_LIMIT_PER_S);
	expect(rates[4]).toBeGreaterThanOrEqual(DEFAULT_LIMIT_PER_S);
	expect(rates[8]).toBeGreaterThan(rates[4]);
});
