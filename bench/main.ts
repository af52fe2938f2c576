/**
 * `npm run bench` (sh scripts/run.sh bench → node bench/run.cjs main): the HueChat package against n8n's HTTP
 * Request node and a raw fetch loop, in one run on the same simulator, in the real n8n 2.41.1 the e2e suite uses.
 * Prints one line per figure (`name: value (target T) ok|MISS`) and writes them to .cache/bench/bench.json.
 *
 * Options (flags or environment):
 *   --only=lists,limits,creates,trigger,peers,dedupe,load,queue   figures to run (default all)
 *   --quick                                   small sizes, one timed run (a smoke test of the bench itself)
 *   BENCH_CONTACTS (50000) BENCH_DEALS (20000) BENCH_CREATES (1000) BENCH_RPM (600) BENCH_WINDOW_SECONDS (6)
 *   BENCH_RUNS (3) BENCH_DELIVERIES (1000) BENCH_DELIVERY_CONCURRENCY (16) BENCH_MEMORY (1; 0 skips the memory figures)
 *   BENCH_FIGURE_TIMEOUT_SECONDS (1800; quick 600)   a figure still running then is reported with its partial counts
 *                             and `MISS (timed out)`, and the bench goes on to the next figure; a figure that fails
 *                             is reported as a MISS with its error, and the rest still run
 *   BENCH_LATENCY_MS (20; 0 skips)   the deals read again with this latency added to each request by the simulator
 *   BENCH_CPU_PROFILE=<dir>   n8n runs with --cpu-prof and writes its CPU profile there when it stops (where the
 *                             time goes; summarise with `node bench/profileSummary.cjs <file.cpuprofile>`)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { CACHE_DIR, N8N_VERSION, N8nInstance, packageTarball } from '../test/e2e/harness';
import type { BenchContext, Sizes } from './context';
import { figureCreates } from './figureCreates';
import { figureDedupe } from './figureDedupe';
import {
	figureKeyLimits,
	KEY_LIMIT_RPMS,
	keyLimitCredential,
	keyLimitWorkflows,
} from './figureKeyLimits';
import { figureLists, listKey } from './figureLists';
import { figureLoad } from './figureLoad';
import { figurePeers, installPeer, peerCredentials, peerInbox, peerWorkflows } from './figurePeers';
import { figureQueue } from './figureQueue';
import {
	figureTrigger,
	installBareTrigger,
	triggerWorkflows,
	unpublishTrigger,
} from './figureTrigger';
import { LISTS, type ListKind } from './lists';
import { packageCapabilities, publishAndWait } from './n8nBench';
import { Report } from './report';
import { startSimChild } from './sim';
import {
	TIGHT_HEADER_CREDENTIAL,
	TIGHT_HUECHAT_CREDENTIAL,
	createWorkflow,
	credentialFixtures,
	listWorkflow,
	plainWebhookWorkflow,
	type Reader,
} from './workflows';

const FIGURES = [
	'lists',
	'limits',
	'creates',
	'trigger',
	'peers',
	'dedupe',
	'load',
	'queue',
] as const;
type FigureName = (typeof FIGURES)[number];

const { values } = parseArgs({
	options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } },
	strict: true,
});
const only = new Set<FigureName>(
	values.only ? (values.only.split(',').map((s) => s.trim()) as FigureName[]) : FIGURES,
);
for (const name of only)
	if (!FIGURES.includes(name))
		throw new Error(`--only: unknown figure ${name} (one of ${FIGURES.join(', ')})`);

const env = (name: string, fallback: number, quick: number) => {
	const raw = process.env[name];
	const value = raw === undefined || raw === '' ? (values.quick ? quick : fallback) : Number(raw);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
	return value;
};
const sizes: Sizes = {
	contacts: env('BENCH_CONTACTS', 50_000, 3_000),
	deals: env('BENCH_DEALS', 20_000, 2_000),
	creates: env('BENCH_CREATES', 1_000, 150),
	rpm: env('BENCH_RPM', 600, 600),
	windowSeconds: env('BENCH_WINDOW_SECONDS', 6, 3),
	runs: env('BENCH_RUNS', 3, 1),
	deliveries: env('BENCH_DELIVERIES', 1_000, 300),
	deliveryConcurrency: env('BENCH_DELIVERY_CONCURRENCY', 16, 8),
};
const figureTimeoutMs = env('BENCH_FIGURE_TIMEOUT_SECONDS', 1800, 600) * 1000;
if ((sizes.rpm * sizes.windowSeconds) % 60 !== 0)
	throw new Error('BENCH_RPM × BENCH_WINDOW_SECONDS must be a multiple of 60');

const OUT_DIR = path.join(CACHE_DIR, 'bench');
const started = Date.now();
const log = (message: string) =>
	process.stdout.write(
		`[bench] ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${message}\n`,
	);

const message = (error: unknown) =>
	(error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300);

/**
 * Runs one figure so that nothing it does stops the bench: an error becomes a `failed` MISS line, a wait inside it
 * that times out (or the figure outliving BENCH_FIGURE_TIMEOUT_SECONDS) a `MISS (timed out)` line with the partial
 * counts the figure left in ctx.partial. Then the next figure runs.
 */
async function guarded(ctx: BenchContext, name: FigureName, run: () => Promise<void>) {
	ctx.partial = undefined;
	const line = `${name}: figure`;
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), figureTimeoutMs);
	});
	const running = run();
	running.catch(() => undefined); // still rejecting after the deadline: already reported
	try {
		const outcome = await Promise.race([running.then(() => 'done' as const), deadline]);
		if (outcome === 'timeout') {
			ctx.log(`${name}: still running after ${figureTimeoutMs / 1000} s, going on`);
			ctx.report.timedOut(
				line,
				ctx.partial ?? 'no counts yet',
				`done within ${figureTimeoutMs / 1000} s`,
			);
		}
	} catch (error) {
		ctx.log(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		if (/Timed out after/.test(message(error)))
			ctx.report.timedOut(line, `${ctx.partial ?? 'no counts yet'}; ${message(error)}`);
		else ctx.report.failed(line, `${message(error)}${ctx.partial ? ` (${ctx.partial})` : ''}`);
	} finally {
		clearTimeout(timer);
	}
}

async function main(): Promise<void> {
	const report = new Report();
	fs.mkdirSync(OUT_DIR, { recursive: true });
	// A private copy of the tarball: other builds in this checkout may replace .cache/pack meanwhile.
	const packageTgz = path.join(OUT_DIR, 'n8n-nodes-huechat.tgz');
	fs.copyFileSync(packageTarball(), packageTgz);
	log(`sizes ${JSON.stringify(sizes)}; figures: ${[...only].join(', ')}`);

	const n8nFigures = ['lists', 'limits', 'creates', 'trigger', 'peers'] as const;
	const needsN8n = n8nFigures.some((name) => only.has(name));
	const readsLists = only.has('lists') || only.has('limits');
	const sim = await startSimChild({
		contacts: readsLists ? sizes.contacts : 300,
		deals: readsLists ? sizes.deals : 0,
		windowSeconds: sizes.windowSeconds,
	});
	log(`simulator ${sim.url} (pid ${sim.pid})`);
	let n8n: N8nInstance | undefined;
	try {
		const token = await sim.createKey({ rpm: 100_000 });
		const perWindow = (sizes.rpm * sizes.windowSeconds) / 60;
		const tightTokens = {
			huechat: await sim.createKey({ rpm: perWindow }),
			http: await sim.createKey({ rpm: perWindow }),
		};
		const ctx: BenchContext = {
			sizes,
			sim,
			n8n: undefined as unknown as N8nInstance,
			report,
			token,
			capabilities: { resources: [], trigger: false },
			paths: {},
			packageTgz,
			tightTokens,
			log,
		};

		let n8nReady = !needsN8n;
		if (needsN8n)
			try {
				n8n = await startN8n(ctx);
				n8nReady = true;
			} catch (error) {
				ctx.log(`n8n: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
				for (const name of n8nFigures)
					if (only.has(name))
						report.failed(`${name}: figure`, `n8n did not start: ${message(error)}`);
			}

		if (n8nReady && only.has('lists')) await guarded(ctx, 'lists', () => figureLists(ctx));
		if (n8nReady && only.has('limits')) await guarded(ctx, 'limits', () => figureKeyLimits(ctx));
		if (n8nReady && only.has('creates')) await guarded(ctx, 'creates', () => figureCreates(ctx));
		if (n8nReady && only.has('trigger')) {
			await guarded(ctx, 'trigger', () => figureTrigger(ctx));
			await unpublishTrigger(ctx);
		}
		if (n8nReady && only.has('peers')) await guarded(ctx, 'peers', () => figurePeers(ctx));
		if (n8n) {
			await n8n.dispose();
			n8n = undefined;
		}
		if (only.has('dedupe')) await guarded(ctx, 'dedupe', () => figureDedupe(ctx));
		if (only.has('load')) await guarded(ctx, 'load', () => figureLoad(ctx));
		if (only.has('queue')) await guarded(ctx, 'queue', () => figureQueue(ctx));
	} finally {
		if (n8n) {
			n8n.failed = true;
			await n8n.dispose();
		}
		await sim.stop();
	}
	printReport(report);
}

/** Starts the n8n the lists, creates and trigger figures share, with their workflows published. */
async function startN8n(ctx: BenchContext): Promise<N8nInstance> {
	const { sim, token, tightTokens, log } = ctx;
	const profileDir = process.env.BENCH_CPU_PROFILE;
	const env = profileDir
		? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}` }
		: undefined;
	const n8n = await N8nInstance.create({ name: 'bench', packageTgz: ctx.packageTgz, env });
	ctx.n8n = n8n;
	try {
		if (only.has('trigger')) installBareTrigger(n8n);
		if (only.has('peers')) ctx.peerMissing = installPeer(n8n);
		if (only.has('peers')) {
			ctx.tightTokens.peers = await sim.createKey({
				rpm: (ctx.sizes.rpm * ctx.sizes.windowSeconds) / 60,
			});
		}
		const peerCredentialList = only.has('peers') ? peerCredentials(ctx, ctx.tightTokens.peers) : [];
		const [tightHueChat] = credentialFixtures(tightTokens.huechat, sim.accountId, sim.url, {
			hueChat: TIGHT_HUECHAT_CREDENTIAL,
		});
		const [, tightHeader] = credentialFixtures(tightTokens.http, sim.accountId, sim.url, {
			header: TIGHT_HEADER_CREDENTIAL,
		});
		const keyLimitCredentials = [];
		if (only.has('limits'))
			for (const rpm of KEY_LIMIT_RPMS) {
				const keyToken = await sim.createKey({ rpm: (rpm * ctx.sizes.windowSeconds) / 60 });
				const [credential] = credentialFixtures(keyToken, sim.accountId, sim.url, {
					hueChat: keyLimitCredential(rpm),
				});
				keyLimitCredentials.push(credential);
			}
		await n8n.importCredentials([
			...credentialFixtures(token, sim.accountId, sim.url),
			tightHueChat,
			tightHeader,
			...peerCredentialList,
			...keyLimitCredentials,
		]);
		const workflows: Array<{ key: string; workflow: { id: string }; path: string }> = [];
		if (only.has('lists')) {
			for (const kind of Object.keys(LISTS) as ListKind[]) {
				for (const reader of ['huechat', 'http'] as Reader[])
					workflows.push({
						key: listKey(kind, reader),
						...listWorkflow(kind, reader, sim.url, sim.accountId),
					});
			}
			for (const limit of [150, Math.floor(sizes.contacts / 2)]) {
				workflows.push({
					key: listKey('contacts', 'huechat', limit),
					...listWorkflow('contacts', 'huechat', sim.url, sim.accountId, limit),
				});
			}
		}
		if (only.has('limits')) workflows.push(...keyLimitWorkflows(sim.url, sim.accountId));
		if (only.has('creates')) {
			for (const reader of ['huechat', 'http'] as Reader[])
				workflows.push({
					key: `creates-${reader}`,
					...createWorkflow(reader, sim.url, sim.accountId, 2),
				});
		}
		if (only.has('trigger')) workflows.push({ key: 'plain-webhook', ...plainWebhookWorkflow() });
		if (only.has('peers')) workflows.push(...peerWorkflows(ctx, await peerInbox(ctx)));
		await n8n.importWorkflows(workflows.map((w) => w.workflow as never));
		log('starting n8n');
		await n8n.start();
		log(
			`n8n ${N8N_VERSION} ready in ${(n8n.startupMs / 1000).toFixed(1)} s on ${n8n.baseUrl} (pid ${n8n.pid})`,
		);
		ctx.capabilities = await packageCapabilities(n8n);
		log(
			`package: resources ${ctx.capabilities.resources.join(', ')}; trigger node ${ctx.capabilities.trigger ? 'present' : 'absent'}`,
		);
		// Workflows for node features the package lacks would not activate: leave them unpublished.
		const usable = workflows.filter(
			(w) => !/^(list|key-limit)-deals/.test(w.key) || ctx.capabilities.resources.includes('deal'),
		);
		await publishAndWait(
			n8n,
			usable.map((w) => ({ id: w.workflow.id, path: w.path })),
		);
		for (const w of usable) ctx.paths[w.key] = w.path;
		if (only.has('trigger') && ctx.capabilities.trigger) await triggerWorkflows(ctx);
		return n8n;
	} catch (error) {
		n8n.failed = true;
		await n8n.dispose();
		throw error;
	}
}

function printReport(report: Report): void {
	const file = path.join(OUT_DIR, 'bench.json');
	report.write(file, {
		date: new Date().toISOString(),
		n8n: N8N_VERSION,
		node: process.versions.node,
		machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
		sizes,
		figures: [...only],
		seconds: Math.round((Date.now() - started) / 1000),
	});
	const table = report.table();
	const missed = report.figures.filter((f) => f.target && !f.pending && !f.ok).length;
	process.stdout.write(
		`\n[bench] ===== HueChat benchmark (n8n ${N8N_VERSION}, ${os.cpus().length} CPUs, ${Math.round((Date.now() - started) / 1000)} s) =====\n${table}\n` +
			`[bench] ${report.figures.filter((f) => f.target && f.ok).length} ok, ${missed} MISS, ${report.figures.filter((f) => f.pending).length} n/a; JSON: ${path.relative(process.cwd(), file)}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`[bench] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
