/**
 * Figure 2: 1,000 message creates in one execution under a 600 RPM key the simulator enforces (fixed windows of
 * BENCH_WINDOW_SECONDS holding rpm × window / 60 requests each), with the HueChat node, then with n8n's HTTP
 * Request node at its defaults on a fresh key. Also used by the queue figure (two workers sharing one key).
 */
import type { BenchContext } from './context';
import { callWebhook } from './n8nBench';
import { count, percent, seconds } from './report';
import type { SimChild, SimRequest } from './sim';

export interface CreateOutcome {
	items: number;
	failed: number;
	duplicates: number;
	stored: number;
	accepted: number;
	rejected429: number;
	elapsedMs: number;
	/** From the first request HueChat saw to the last. */
	spanMs: number;
	/** Mean share of the window's limit used, over the windows fully inside the run. */
	share: number;
	windows: number;
	/** The least time the limit allows for these requests from the first one on (fixed windows: the start of the
	 *  window in which the last one can go). */
	minimumMs: number;
}

/** 2xx answers per window over the windows strictly between the first and the last request's windows. */
export function sustainedShare(
	accepted: SimRequest[],
	windowMs: number,
	limit: number,
): { share: number; windows: number } {
	if (accepted.length === 0) return { share: 0, windows: 0 };
	const perWindow = new Map<number, number>();
	for (const request of accepted) {
		const window = Math.floor(request.time / windowMs);
		perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
	}
	const first = Math.min(...perWindow.keys());
	const last = Math.max(...perWindow.keys());
	const interior: number[] = [];
	for (let window = first + 1; window < last; window++) interior.push(perWindow.get(window) ?? 0);
	if (interior.length === 0) {
		// A run shorter than three windows: the share of what the windows it touched allowed.
		return { share: accepted.length / (limit * (last - first + 1)), windows: 0 };
	}
	return {
		share: interior.reduce((a, b) => a + b, 0) / (limit * interior.length),
		windows: interior.length,
	};
}

/** Measures a create run the simulator saw: requests since the log was cleared, messages stored with `prefix`. */
export async function createOutcome(
	sim: SimChild,
	output: Array<Record<string, unknown>>,
	prefix: string,
	items: number,
	elapsedMs: number,
	windowMs: number,
	limit: number,
): Promise<CreateOutcome> {
	const posts = (await sim.requests(0)).filter(
		(r) => r.method === 'POST' && /\/conversations\/\d+\/messages$/.test(r.path),
	);
	const accepted = posts.filter((r) => r.status !== null && r.status >= 200 && r.status < 300);
	const stored = (await sim.collection<{ content?: string }>('messages')).filter((m) =>
		m.content?.startsWith(prefix),
	);
	const { share, windows } = sustainedShare(accepted, windowMs, limit);
	const firstAt = Math.min(...posts.map((r) => r.time));
	const lastWindowNeeded = Math.floor(firstAt / windowMs) + Math.ceil(items / limit) - 1;
	const minimumMs = Math.max(0, lastWindowNeeded * windowMs - firstAt);
	return {
		items,
		failed:
			output.filter((item) => typeof item.id !== 'number').length +
			Math.max(0, items - output.length),
		duplicates: stored.length - new Set(stored.map((m) => m.content)).size,
		stored: stored.length,
		accepted: accepted.length,
		rejected429: posts.filter((r) => r.status === 429).length,
		elapsedMs,
		spanMs: Math.max(...posts.map((r) => r.time)) - firstAt,
		share,
		windows,
		minimumMs,
	};
}

export function createItems(prefix: string, n: number, offset = 0): Array<{ text: string }> {
	return Array.from({ length: n }, (_, i) => ({ text: `${prefix}${offset + i}` }));
}

export async function figureCreates(ctx: BenchContext): Promise<void> {
	const { sizes, sim, report } = ctx;
	const limit = (sizes.rpm * sizes.windowSeconds) / 60;
	const windowMs = sizes.windowSeconds * 1000;
	const label = `${count(sizes.creates)} creates at ${sizes.rpm} RPM`;
	for (const reader of ['huechat', 'http'] as const) {
		const who = reader === 'huechat' ? 'HueChat node' : 'HTTP Request node (defaults)';
		ctx.log(`${label}: ${who} (${limit} requests per ${sizes.windowSeconds} s window)`);
		await sim.clearRequests();
		const prefix = `bench-${reader}-${Date.now()}-`;
		const started = performance.now();
		const answer = await callWebhook<Array<Record<string, unknown>>>(
			ctx.n8n.baseUrl,
			ctx.paths[`creates-${reader}`],
			{
				items: createItems(prefix, sizes.creates),
			},
		);
		const elapsedMs = performance.now() - started;
		const output = Array.isArray(answer.json) ? answer.json : [answer.json];
		const outcome = await createOutcome(
			sim,
			output,
			prefix,
			sizes.creates,
			elapsedMs,
			windowMs,
			limit,
		);
		ctx.report.context[`creates ${reader}`] = outcome;
		if (reader === 'huechat') {
			report.target(
				`${label}: share of the limit sustained (HueChat node)`,
				outcome.share,
				percent,
				'≥ 95%',
				(n) => n >= 0.95,
			);
			report.target(
				`${label}: failed items (HueChat node)`,
				outcome.failed,
				String,
				'0',
				(n) => n === 0,
			);
			report.target(
				`${label}: duplicates (HueChat node)`,
				outcome.duplicates,
				String,
				'0',
				(n) => n === 0,
			);
			report.info(
				`${label}: HueChat node run`,
				`first to last request ${seconds(outcome.spanMs)} (the least the limit allows ${seconds(outcome.minimumMs)}), webhook call ${seconds(elapsedMs)}, ${outcome.rejected429} × 429, ${outcome.windows} full windows measured`,
			);
		} else {
			report.info(
				`${label}: HTTP Request node (defaults)`,
				`${outcome.failed} failed items (${outcome.rejected429} × 429, no retry), ${outcome.duplicates} duplicates, ${seconds(elapsedMs)}`,
			);
		}
	}
}
