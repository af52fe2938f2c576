/**
 * Figure 1: Return All of 50,000 contacts (v1, 15 a page) and 20,000 deals (v2, 100 a page), three ways on the same
 * simulator: the HueChat node in real n8n, n8n's HTTP Request node with its own pagination (+ Split Out), and a raw
 * fetch loop in a plain Node process. Also the n8n process's peak memory while the HueChat node reads the contacts.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nInstance, nodeBinary } from '../test/e2e/harness';
import type { BenchContext } from './context';
import { LISTS, type ListKind } from './lists';
import {
	callWebhook,
	median,
	memoryOf,
	publishAndWait,
	resetPeak,
	waitForWebhooks,
} from './n8nBench';
import { count, megabytes, ratio, seconds } from './report';
import { credentialFixtures, listWorkflow, type Reader } from './workflows';

interface RawResult {
	runsMs: number[];
	items: number;
	jsonBytes: number;
	peakGrowth: number;
}

interface ListAnswer {
	t0: number;
	t1: number;
	count: number;
	lastId: string;
}

function rawLoop(ctx: BenchContext, kind: ListKind, runs: number): Promise<RawResult> {
	const input = JSON.stringify({
		url: ctx.sim.url,
		token: ctx.token,
		accountId: ctx.sim.accountId,
		kind,
		runs,
	});
	return new Promise((resolve, reject) => {
		const child = spawn(nodeBinary(), [path.join(__dirname, 'run.cjs'), 'rawLoop', input], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
		child.once('exit', (code) =>
			code === 0
				? resolve(JSON.parse(out) as RawResult)
				: reject(new Error(`raw loop exited ${code}: ${err}`)),
		);
	});
}

/** One run of a list workflow: the readers' time inside n8n (t1 − t0) and the webhook round trip. */
async function runList(
	ctx: BenchContext,
	key: string,
	expected: number,
	n8n: N8nInstance = ctx.n8n,
): Promise<{ nodeMs: number; roundTripMs: number }> {
	const answer = await callWebhook<ListAnswer>(n8n.baseUrl, ctx.paths[key]);
	const { t0, t1, count: got } = answer.json;
	if (got !== expected)
		throw new Error(
			`${key}: n8n answered ${got} items, expected ${expected}: ${JSON.stringify(answer.json).slice(0, 300)}`,
		);
	return { nodeMs: t1 - t0, roundTripMs: answer.ms };
}

export function listKey(kind: ListKind, reader: Reader, limit?: number): string {
	return `list-${kind}-${reader}${limit ? `-${limit}` : ''}`;
}

/** Peak RSS growth of n8n's main process over its RSS just before the run (fresh process, after a small warm-up). */
async function peakGrowth(
	ctx: BenchContext,
	key: string,
	expected: number,
	warmKey?: string,
	n8n: N8nInstance = ctx.n8n,
): Promise<number> {
	await n8n.stop();
	await n8n.start();
	await waitForWebhooks(
		n8n.baseUrl,
		[key, ...(warmKey ? [warmKey] : [])].map((k) => ctx.paths[k]),
	);
	if (warmKey) await runList(ctx, warmKey, 150, n8n);
	await new Promise((resolve) => setTimeout(resolve, 1_000));
	const pid = n8n.pid!;
	const before = memoryOf(pid).rss;
	if (!resetPeak(pid)) throw new Error('cannot reset the peak RSS mark (/proc/<pid>/clear_refs)');
	await runList(ctx, key, expected, n8n);
	return memoryOf(pid).peak - before;
}

/** The same contacts read with EXECUTIONS_DATA_SAVE_ON_SUCCESS=none: n8n then keeps no copy of the run to save. */
async function peakGrowthWithoutSaving(ctx: BenchContext, total: number): Promise<number> {
	const n8n = await N8nInstance.create({
		name: 'bench-nosave',
		packageTgz: ctx.packageTgz,
		env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' },
	});
	try {
		const full = listWorkflow('contacts', 'huechat', ctx.sim.url, ctx.sim.accountId);
		const warm = listWorkflow('contacts', 'huechat', ctx.sim.url, ctx.sim.accountId, 150);
		await n8n.importCredentials(credentialFixtures(ctx.token, ctx.sim.accountId, ctx.sim.url));
		await n8n.importWorkflows([full.workflow, warm.workflow]);
		await n8n.start();
		await publishAndWait(n8n, [
			{ id: full.workflow.id, path: full.path },
			{ id: warm.workflow.id, path: warm.path },
		]);
		return await peakGrowth(
			ctx,
			listKey('contacts', 'huechat'),
			total,
			listKey('contacts', 'huechat', 150),
			n8n,
		);
	} finally {
		await n8n.dispose();
	}
}

/** The HueChat node alone, through n8n-core's RoutingNode in a process of its own (bench/retained.ts). */
function retainedByNode(ctx: BenchContext): {
	items: number;
	jsonBytes: number;
	retained: number;
	peak: number;
} {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'huechat-retained-'));
	try {
		const input = JSON.stringify({
			url: ctx.sim.url,
			token: ctx.token,
			accountId: ctx.sim.accountId,
		});
		const result = spawnSync(
			nodeBinary(),
			['--expose-gc', path.join(__dirname, 'run.cjs'), 'retained', input],
			{
				encoding: 'utf8',
				env: {
					...process.env,
					N8N_USER_FOLDER: folder,
					N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
					N8N_DIAGNOSTICS_ENABLED: 'false',
				},
			},
		);
		if (result.status !== 0) throw new Error(`bench/retained.ts failed: ${result.stderr}`);
		return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

interface ReaderTimes {
	raw: RawResult;
	rawMs: number;
	/** Medians of the timed runs; hueChatMs is NaN when the node lacks the resource. */
	hueChatMs: number;
	httpMs: number;
	roundTrip: Record<Reader, number>;
}

/** The raw loop, then the HueChat node and the HTTP Request node in turns: a warm-up and `runs` timed runs each. */
async function timeReaders(
	ctx: BenchContext,
	kind: ListKind,
	total: number,
	name: string,
	hasNode: boolean,
): Promise<ReaderTimes> {
	const { sizes } = ctx;
	ctx.log(`${name}: raw fetch loop (${sizes.runs} runs after a warm-up)`);
	const raw = await rawLoop(ctx, kind, sizes.runs + 1);
	if (raw.items !== total)
		throw new Error(`raw loop read ${raw.items} ${kind}, the simulator holds ${total}`);
	const readers: Reader[] = hasNode ? ['huechat', 'http'] : ['http'];
	const times: Record<Reader, { node: number[]; roundTrip: number[] }> = {
		huechat: { node: [], roundTrip: [] },
		http: { node: [], roundTrip: [] },
	};
	for (let run = 0; run <= sizes.runs; run++) {
		for (const reader of readers) {
			ctx.log(
				`${name}: ${reader === 'huechat' ? 'HueChat node' : 'HTTP Request node'} run ${run === 0 ? 'warm-up' : run}`,
			);
			const { nodeMs, roundTripMs } = await runList(ctx, listKey(kind, reader), total);
			if (run === 0) continue;
			times[reader].node.push(nodeMs);
			times[reader].roundTrip.push(roundTripMs);
		}
	}
	ctx.report.context[`${name} runs`] = { rawMs: raw.runsMs, ...times };
	return {
		raw,
		rawMs: median(raw.runsMs.slice(1)),
		hueChatMs: hasNode ? median(times.huechat.node) : NaN,
		httpMs: median(times.http.node),
		roundTrip: {
			huechat: hasNode ? median(times.huechat.roundTrip) : NaN,
			http: median(times.http.roundTrip),
		},
	};
}

/**
 * HueChat is a remote API: the same deals read with `BENCH_LATENCY_MS` (20) added to every request of the list by
 * the simulator, where reading pages side by side counts and the per-request CPU matters less.
 */
async function figureLatency(ctx: BenchContext): Promise<void> {
	const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
	const list = LISTS.deals;
	if (!latencyMs || !ctx.capabilities.resources.includes(list.resource)) return;
	const name = `Return All ${count(ctx.sizes.deals)} ${list.label}, ${latencyMs} ms a request`;
	// no leading slash: the simulator reads `/…/x` as a regular expression
	await ctx.sim.control('POST', 'faults', {
		kind: 'latency',
		latencyMs,
		path: list.path(ctx.sim.accountId).slice(1),
		count: 1_000_000,
	});
	try {
		const t = await timeReaders(ctx, 'deals', ctx.sizes.deals, name, true);
		ctx.report.info(
			`deals at ${latencyMs} ms a request: HueChat node / raw fetch loop | / HTTP Request node`,
			`${ratio(t.hueChatMs / t.rawMs)} | ${ratio(t.hueChatMs / t.httpMs)} (${seconds(t.hueChatMs)} | ${seconds(t.rawMs)} | ${seconds(t.httpMs)})`,
		);
	} finally {
		await ctx.sim.control('DELETE', 'faults');
	}
}

export async function figureLists(ctx: BenchContext): Promise<void> {
	const { report, sizes } = ctx;
	for (const kind of ['contacts', 'deals'] as ListKind[]) {
		const list = LISTS[kind];
		const total = kind === 'contacts' ? sizes.contacts : sizes.deals;
		const name = `Return All ${count(total)} ${list.label}`;
		const hasNode = ctx.capabilities.resources.includes(list.resource);
		const { raw, rawMs, hueChatMs, httpMs, roundTrip } = await timeReaders(
			ctx,
			kind,
			total,
			name,
			hasNode,
		);
		ctx.report.context[`${kind} json bytes`] = raw.jsonBytes;

		if (hasNode) {
			// the CPU n8n spends per request (its HTTP helper, the credential, the routing engine) against none at all
			report.target(
				`${kind}: HueChat node / raw fetch loop`,
				hueChatMs / rawMs,
				ratio,
				'≤ 3.00x',
				(n) => n <= 3,
			);
			report.target(
				`${kind}: HueChat node / HTTP Request node`,
				hueChatMs / httpMs,
				ratio,
				'≤ 1.00x',
				(n) => n <= 1.0,
			);
			report.info(
				`${kind}: wall time HueChat node | HTTP Request node | raw loop`,
				`${seconds(hueChatMs)} | ${seconds(httpMs)} | ${seconds(rawMs)} (${count(total)} items, ${megabytes(raw.jsonBytes)} JSON; webhook round trip ${seconds(roundTrip.huechat)} | ${seconds(roundTrip.http)})`,
			);
		} else {
			const why = `the HueChat node has no '${list.resource}' resource yet`;
			report.pending(`${kind}: HueChat node / raw fetch loop`, why, '≤ 3.00x');
			report.pending(`${kind}: HueChat node / HTTP Request node`, why, '≤ 1.00x');
			report.info(
				`${kind}: wall time HTTP Request node | raw loop`,
				`${seconds(httpMs)} | ${seconds(rawMs)} (${count(total)} items, ${megabytes(raw.jsonBytes)} JSON)`,
			);
		}

		if (kind === 'contacts' && hasNode && process.env.BENCH_MEMORY !== '0') {
			const half = Math.floor(total / 2);
			ctx.log(
				`${name}: peak memory of n8n (a fresh process each: ${count(half)}, then ${count(total)} contacts, HTTP Request, without saving)`,
			);
			const growthHalf = await peakGrowth(
				ctx,
				listKey(kind, 'huechat', half),
				half,
				listKey(kind, 'huechat', 150),
			);
			const growthFull = await peakGrowth(
				ctx,
				listKey(kind, 'huechat'),
				total,
				listKey(kind, 'huechat', 150),
			);
			const growthHttp = await peakGrowth(ctx, listKey(kind, 'http'), total);
			const growthNoSave = await peakGrowthWithoutSaving(ctx, total);
			ctx.log(`${name}: the HueChat node alone (n8n-core's RoutingNode in process, heap after GC)`);
			const own = retainedByNode(ctx);
			const halfJson = (raw.jsonBytes * half) / total;
			const x = (bytes: number, json = raw.jsonBytes) =>
				`${megabytes(bytes)} (${ratio(bytes / json)})`;
			report.target(
				`${kind}: n8n peak memory growth, HueChat node / HTTP Request node`,
				growthFull / growthHttp,
				ratio,
				'≤ 0.75x',
				(n) => n <= 0.75,
			);
			report.target(
				`${kind}: the HueChat node's output items retained / their JSON size`,
				own.retained / own.jsonBytes,
				ratio,
				'≤ 1.50x',
				(n) => n <= 1.5,
			);
			report.target(
				`${kind}: memory growth per item, ${count(half)} → ${count(total)} items`,
				growthFull / total / (growthHalf / half),
				ratio,
				'linear: 0.80x–1.25x',
				(n) => n >= 0.8 && n <= 1.25,
			);
			report.info(
				`${kind}: peak memory growth (× JSON) HueChat ${count(half)} | HueChat | HTTP Request | HueChat, run data not saved | raw loop`,
				`${x(growthHalf, halfJson)} | ${x(growthFull)} | ${x(growthHttp)} | ${x(growthNoSave)} | ${x(raw.peakGrowth)}`,
			);
			report.info(
				`${kind}: the HueChat node's own memory (n8n-core in process, heap)`,
				`output items retained ${x(own.retained, own.jsonBytes)}, peak while paging ${x(own.peak, own.jsonBytes)}`,
			);
			ctx.report.context.memory = {
				growthHalf,
				growthFull,
				growthHttp,
				growthNoSave,
				raw: raw.peakGrowth,
				own,
			};
		}
	}
	await figureLatency(ctx);
}
