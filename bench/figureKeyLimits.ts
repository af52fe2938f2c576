/**
 * At the key's limit: Return All against a remote HueChat (BENCH_LIMIT_LATENCY_MS, 100 ms, added to every request of
 * the list by the simulator) under a 600 RPM key and a 6,000 RPM key, with the node's defaults. The share of the
 * limit sustained is the rate HueChat answered 2xx (first to last request) over the key's rate, at most 100 %: fixed
 * windows let a burst at both ends go faster than the rate, and a read that fits one window is held only by how many
 * requests run at once. The simulator's windows are BENCH_WINDOW_SECONDS long and hold rpm × window / 60 requests.
 */
import type { BenchContext } from './context';
import { callWebhook } from './n8nBench';
import { LISTS, type ListKind } from './lists';
import { count, percent, seconds } from './report';
import { listWorkflow, type CredentialRef, type ListWorkflow } from './workflows';

interface KeyLimitCase {
	kind: ListKind;
	rpm: number;
	/** Read with a Limit instead of Return All (the simulator holds more). */
	limit?: number;
}

/** The reads issue 17 names: 5,000 contacts under 600 RPM, all contacts under 6,000 RPM, all deals under each. */
export const KEY_LIMIT_CASES: KeyLimitCase[] = [
	{ kind: 'contacts', rpm: 600, limit: 5_000 },
	{ kind: 'contacts', rpm: 6_000 },
	{ kind: 'deals', rpm: 600 },
	{ kind: 'deals', rpm: 6_000 },
];

export const KEY_LIMIT_RPMS = [...new Set(KEY_LIMIT_CASES.map((c) => c.rpm))];

export function keyLimitCredential(rpm: number): CredentialRef {
	return { id: `benchHueChatRpm${rpm}`, name: `HueChat ${rpm} RPM (bench)` };
}

function caseKey({ kind, rpm, limit }: KeyLimitCase): string {
	return `key-limit-${kind}-${rpm}${limit ? `-${limit}` : ''}`;
}

/** The workflows of every case, each reading with its key's credential. */
export function keyLimitWorkflows(
	baseUrl: string,
	accountId: number,
): Array<ListWorkflow & { key: string }> {
	return KEY_LIMIT_CASES.map((c, index) => ({
		key: caseKey(c),
		...listWorkflow(c.kind, 'huechat', baseUrl, accountId, c.limit, {
			credential: keyLimitCredential(c.rpm),
			variant: `rpm${c.rpm}`,
			prefix: 140 + index,
		}),
	}));
}

export async function figureKeyLimits(ctx: BenchContext): Promise<void> {
	const { sim, sizes, report } = ctx;
	const latencyMs = Number(process.env.BENCH_LIMIT_LATENCY_MS ?? 100);
	const windowMs = sizes.windowSeconds * 1000;
	for (const kind of ['contacts', 'deals'] as ListKind[])
		await sim.control('POST', 'faults', {
			kind: 'latency',
			latencyMs,
			// no leading slash: the simulator reads `/…/x` as a regular expression
			path: LISTS[kind].path(sim.accountId).slice(1),
			count: 1_000_000,
		});
	try {
		for (const c of KEY_LIMIT_CASES) {
			const expected = c.limit ?? (c.kind === 'contacts' ? sizes.contacts : sizes.deals);
			const perWindow = (c.rpm * sizes.windowSeconds) / 60;
			const name = `${count(expected)} ${c.kind} at ${latencyMs} ms a request, ${count(c.rpm)} RPM key`;
			ctx.log(`key limits: ${name} (${perWindow} requests per ${sizes.windowSeconds} s window)`);
			ctx.partial = `${name}: running`;
			await sim.clearRequests();
			const answer = await callWebhook<{ count: number }>(ctx.n8n.baseUrl, ctx.paths[caseKey(c)]);
			const listPath = LISTS[c.kind].path(sim.accountId);
			const reads = (await sim.requests(0)).filter(
				(r) => r.method === 'GET' && r.path === listPath,
			);
			const accepted = reads.filter((r) => r.status !== null && r.status >= 200 && r.status < 300);
			const rejected429 = reads.filter((r) => r.status === 429).length;
			const times = accepted.map((r) => r.time);
			const spanMs = Math.max(1, Math.max(...times) - Math.min(...times) + latencyMs);
			const share = Math.min(1, accepted.length / spanMs / (perWindow / windowMs));
			ctx.report.context[`key limits ${caseKey(c)}`] = {
				items: answer.json.count,
				accepted: accepted.length,
				rejected429,
				spanMs,
			};
			report.target(
				`key limits: ${name}: share of the limit sustained`,
				share,
				percent,
				'≥ 95%',
				(n) => n >= 0.95,
			);
			report.target(
				`key limits: ${name}: items read / 429s not retried`,
				expected - answer.json.count,
				(missing) => `${count(answer.json.count)} of ${count(expected)} items, ${missing} missing`,
				'0 missing',
				(missing) => missing === 0,
			);
			report.info(
				`key limits: ${name}: run`,
				`${accepted.length} requests in ${seconds(spanMs)} (${(accepted.length / (spanMs / 1000)).toFixed(1)}/s; the key allows ${(perWindow / sizes.windowSeconds).toFixed(1)}/s), ${rejected429} × 429 retried`,
			);
		}
	} finally {
		await sim.control('DELETE', 'faults');
		ctx.partial = undefined;
	}
}
