/** The pacer's own arithmetic: how many requests of a key it lets run at once. */
import { BASE_CONCURRENCY, Pacer } from '../../nodes/shared/transport/pacing';

const NOW = 1_800_000_000_000;

/** A pacer that has seen one answer: `remaining` left in a window ending `resetInS` from NOW, after `latencyMs`. */
function pacerAfter(remaining: number, resetInS: number, latencyMs: number, max = 16): Pacer {
	const pacer = new Pacer(max);
	pacer.observe({
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-reset': String((NOW + resetInS * 1000) / 1000),
	});
	pacer.release(latencyMs);
	return pacer;
}

/** How many of `count` acquisitions started before any is released. */
async function started(pacer: Pacer, count: number): Promise<number> {
	let going = 0;
	for (let i = 0; i < count; i++) void pacer.acquire().then(() => going++);
	await new Promise((resolve) => setImmediate(resolve));
	return going;
}

describe('Pacer: requests of a key at once', () => {
	it(`starts at ${BASE_CONCURRENCY}, before any rate-limit header`, async () => {
		const pacer = new Pacer(16);
		expect(pacer.allowedInFlight(NOW)).toBe(BASE_CONCURRENCY);
		expect(await started(pacer, 10)).toBe(BASE_CONCURRENCY);
	});

	it.each([
		// remaining, seconds to the reset, latency (ms) → in flight
		[590, 60, 100, BASE_CONCURRENCY], // 600 RPM: 10/s × 0.1 s needs one
		[590, 60, 250, BASE_CONCURRENCY], // 250 ms: 2.5 needed
		[5_990, 60, 100, 13], // 6,000 RPM: 100/s × 0.1 s × 1.25
		[5_990, 60, 250, 16], // would need 32: capped by Max Concurrent Requests
		[60, 1, 100, 8], // the window about to reset with budget left: 60/s × 0.1 s × 1.25
		[0, 30, 100, BASE_CONCURRENCY], // nothing left: the window gate waits, the count does not matter
	])(
		'%i left, reset in %i s, %i ms a request: %i at once',
		(remaining, resetInS, latencyMs, expected) => {
			expect(pacerAfter(remaining, resetInS, latencyMs).allowedInFlight(NOW)).toBe(expected);
		},
	);

	it('never more than Max Concurrent Requests, also below the base', () => {
		expect(pacerAfter(5_990, 60, 100, 8).allowedInFlight(NOW)).toBe(8);
		expect(pacerAfter(5_990, 60, 100, 2).allowedInFlight(NOW)).toBe(2);
		expect(new Pacer(1).allowedInFlight(NOW)).toBe(1);
	});

	it('an answer showing room lets waiting requests start without waiting for their turn', async () => {
		const pacer = new Pacer(16);
		let going = 0;
		for (let i = 0; i < 20; i++) void pacer.acquire().then(() => going++);
		await new Promise((resolve) => setImmediate(resolve));
		expect(going).toBe(BASE_CONCURRENCY);
		// one of the four is answered: a roomy window, 100 ms
		pacer.observe({
			'x-ratelimit-remaining': '99000',
			'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 60),
		});
		pacer.release(100);
		await new Promise((resolve) => setImmediate(resolve));
		// 3 still out, 13 more started: 16 in flight
		expect(going).toBe(BASE_CONCURRENCY + 13);
	});
});
