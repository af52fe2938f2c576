/**
 * Figure 3: trigger throughput. Signed HueChat deliveries (Standard Webhooks, v2 outbound webhook) posted as fast as
 * BENCH_DELIVERY_CONCURRENCY connections allow to the HueChat Trigger in real n8n (verification on, dedupe on, each
 * delivery a new event), against the same bodies posted to a bare community trigger (bench/bareTrigger: a community
 * package, installed beside ours only in the bench's n8n, whose webhook returns the body; n8n treats it as it treats
 * ours, so both pay n8n's per-node-type costs) and to n8n's plain Webhook node (info only: n8n spares its own node
 * some of those costs). A run counts as done only when every execution it started has finished.
 * Figures: deliveries per second until every execution finished (HueChat / bare, the target), each variant's rate,
 * every delivery accounted for (executions finished, failed, missing; answers not 2xx), and the time to the 2xx.
 * A run whose executions stop coming (no progress for BENCH_TRIGGER_STALL_SECONDS, default 60) is cut short: its
 * counts are reported as they are and the figure reads `MISS (timed out)`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type N8nInstance, waitFor } from '../test/e2e/harness';
import type { BenchContext } from './context';
import { median, percentile, publishAndWait } from './n8nBench';
import { count, millis, ratio } from './report';
import { HUECHAT_CREDENTIAL, HUECHAT_TRIGGER_TYPE, plainWebhookWorkflow } from './workflows';

const TRIGGER_ID = 'benchTrigger';
const TRIGGER_WEBHOOK_ID = '00000000-0000-4000-8300-00000000aaaa';
const TRIGGER_PATH = `${TRIGGER_WEBHOOK_ID}/webhook`;
const BARE_ID = 'benchBareTrigger';
const BARE_WEBHOOK_ID = '00000000-0000-4000-8300-00000000bbbb';
const BARE_PATH = `${BARE_WEBHOOK_ID}/webhook`;
/** The bench-only community package (bench/bareTrigger), never part of the published package. */
export const BARE_PACKAGE = 'n8n-nodes-bench-bare';
const BARE_TYPE = `${BARE_PACKAGE}.bareTrigger`;

/** Installs bench/bareTrigger into the n8n user folder beside our package (before n8n starts). */
export function installBareTrigger(n8n: N8nInstance): void {
	const dest = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', BARE_PACKAGE);
	fs.rmSync(dest, { recursive: true, force: true });
	fs.cpSync(path.join(__dirname, 'bareTrigger'), dest, { recursive: true });
}

/**
 * Unpublishes the HueChat Trigger's workflow, which deletes its subscription to contact.created: left on, every
 * contact a later figure creates would run it (the peers' 3,000 creates became 3,000 executions competing with them).
 */
export async function unpublishTrigger(ctx: BenchContext): Promise<void> {
	if (ctx.paths.trigger) await ctx.n8n.unpublishWorkflow(TRIGGER_ID);
}

/** Imports and publishes the trigger workflow (it subscribes with the simulator on activation). */
export async function triggerWorkflows(ctx: BenchContext): Promise<void> {
	await ctx.n8n.importWorkflows([
		{
			id: TRIGGER_ID,
			name: 'bench: HueChat Trigger',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: '00000000-0000-4000-8300-000000000001',
					name: 'HueChat Trigger',
					type: HUECHAT_TRIGGER_TYPE,
					typeVersion: 1.1,
					position: [0, 0],
					webhookId: TRIGGER_WEBHOOK_ID,
					parameters: { api: 'v2', events: ['contact.created'] },
					credentials: { hueChatApi: HUECHAT_CREDENTIAL },
				},
			],
			connections: {},
		},
		{
			id: BARE_ID,
			name: 'bench: bare community trigger',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: '00000000-0000-4000-8300-000000000002',
					name: 'Bare Trigger',
					type: BARE_TYPE,
					typeVersion: 1.1,
					position: [0, 0],
					webhookId: BARE_WEBHOOK_ID,
					parameters: {},
				},
			],
			connections: {},
		},
	]);
	await publishAndWait(ctx.n8n, [
		{ id: TRIGGER_ID, path: TRIGGER_PATH },
		{ id: BARE_ID, path: BARE_PATH },
	]);
	ctx.paths.trigger = TRIGGER_PATH;
	ctx.paths.bare = BARE_PATH;
}

interface Delivery {
	id: string;
	body: string;
}

function deliveries(n: number, round: string): Delivery[] {
	return Array.from({ length: n }, (_, i) => {
		const id = randomUUID();
		const body = JSON.stringify({
			id,
			event: 'contact.created',
			created_at: new Date().toISOString(),
			account_id: 1,
			data: {
				id: 100_000 + i,
				name: `Bench ${round} ${i}`,
				email: `bench-${round}-${i}@example.com`,
				phone_number: null,
				custom_attributes: {},
			},
		});
		return { id, body };
	});
}

function signed(secret: string, delivery: Delivery): Record<string, string> {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return {
		'content-type': 'application/json',
		'webhook-id': delivery.id,
		'webhook-timestamp': timestamp,
		'webhook-signature': `v1,${createHmac('sha256', key).update(`${delivery.id}.${timestamp}.${delivery.body}`).digest('base64')}`,
	};
}

/** Whether an execution of the workflow is running (one cheap request, so polling does not slow n8n down). */
async function running(n8n: N8nInstance, workflowId: string): Promise<boolean> {
	const query = new URLSearchParams({ workflowId, status: 'running', limit: '1' });
	return (
		(await n8n.api<{ data: unknown[] }>('GET', `/executions?${query.toString()}`)).data.length > 0
	);
}

/** How many executions of the workflow ended with this status (n8n's public API, 250 a page). */
async function executions(
	n8n: N8nInstance,
	workflowId: string,
	status: 'success' | 'error',
): Promise<number> {
	let total = 0;
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({
			workflowId,
			status,
			limit: '250',
			...(cursor ? { cursor } : {}),
		});
		const page = await n8n.api<{ data: unknown[]; nextCursor?: string | null }>(
			'GET',
			`/executions?${query.toString()}`,
		);
		total += page.data.length;
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return total;
}

interface Blast {
	/** Wall time to the last execution finished (or to giving up). */
	ms: number;
	/** Wall time to the last answer. */
	answeredMs: number;
	latencies: number[];
	sent: number;
	/** Answers other than 2xx (or taken for duplicates), and requests that got no answer at all. */
	notOk: number;
	finished: number;
	failed: number;
	missing: number;
	timedOut: boolean;
}

const stallMs = () => Number(process.env.BENCH_TRIGGER_STALL_SECONDS || 60) * 1000;

/**
 * Posts every delivery with `concurrency` in flight, then waits until the workflow's executions all finished, or
 * until none finished for BENCH_TRIGGER_STALL_SECONDS (timedOut: the counts are then as far as they got).
 */
async function blast(
	n8n: N8nInstance,
	workflowId: string,
	url: string,
	items: Delivery[],
	concurrency: number,
	headers: (d: Delivery) => Record<string, string>,
): Promise<Blast> {
	const before = {
		success: await executions(n8n, workflowId, 'success'),
		error: await executions(n8n, workflowId, 'error'),
	};
	const latencies: number[] = [];
	let next = 0;
	let notOk = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < items.length) {
				const delivery = items[next++];
				const sent = performance.now();
				try {
					const response = await fetch(url, {
						method: 'POST',
						headers: headers(delivery),
						body: delivery.body,
						signal: AbortSignal.timeout(60_000),
					});
					const text = await response.text();
					latencies.push(performance.now() - sent);
					if (response.status < 200 || response.status >= 300 || text.includes('"duplicate"'))
						notOk += 1;
				} catch {
					notOk += 1;
				}
			}
		}),
	);
	const answeredMs = performance.now() - started;
	const counts = async () => ({
		finished: (await executions(n8n, workflowId, 'success')) - before.success,
		failed: (await executions(n8n, workflowId, 'error')) - before.error,
	});
	let now = await counts();
	let progressAt = performance.now();
	let timedOut = false;
	// counted only once nothing runs: the trigger answers just before its execution is queued
	while (now.finished + now.failed < items.length || (await running(n8n, workflowId))) {
		if (performance.now() - progressAt > stallMs()) {
			timedOut = true;
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
		const later = await counts();
		if (later.finished + later.failed > now.finished + now.failed) progressAt = performance.now();
		now = later;
	}
	const ms = (timedOut ? progressAt : performance.now()) - started;
	return {
		ms,
		answeredMs,
		latencies,
		sent: items.length,
		notOk,
		finished: now.finished,
		failed: now.failed,
		missing: Math.max(0, items.length - now.finished - now.failed),
		timedOut,
	};
}

const VARIANTS = ['plain', 'bare', 'trigger'] as const;
type Variant = (typeof VARIANTS)[number];
const LABEL: Record<Variant, string> = {
	trigger: 'HueChat Trigger',
	bare: 'bare community trigger',
	plain: 'plain Webhook node',
};
const RATIO_NAME =
	'trigger: HueChat Trigger (verified) / bare community trigger, deliveries per second (executions finished)';

function accounting(results: Blast[]): string {
	const sum = (key: 'sent' | 'finished' | 'failed' | 'missing' | 'notOk') =>
		results.reduce((total, r) => total + r[key], 0);
	return `${count(sum('sent'))} sent: ${count(sum('finished'))} finished, ${count(sum('failed'))} failed, ${count(sum('missing'))} missing${sum('notOk') ? `, ${count(sum('notOk'))} not answered 2xx` : ''}${results.some((r) => r.timedOut) ? ' (timed out)' : ''}`;
}

export async function figureTrigger(ctx: BenchContext): Promise<void> {
	const { report, sizes } = ctx;
	const name = `trigger: ${sizes.deliveries.toLocaleString('en-US')} signed deliveries, ${sizes.deliveryConcurrency} at once`;
	if (!ctx.capabilities.trigger || !ctx.paths.trigger) {
		report.pending(RATIO_NAME, 'the package has no HueChat Trigger node yet', '≥ 0.90x');
		return;
	}
	// publication is asynchronous: the trigger subscribes a moment after its webhook is served
	const subscription = await waitFor(
		'the HueChat Trigger to subscribe with the simulator',
		async () =>
			(await ctx.sim.collection<{ url: string; secret: string }>('outbound_webhooks')).find((s) =>
				s.url.endsWith(TRIGGER_PATH),
			),
	);
	const urls: Record<Variant, string> = {
		trigger: `${ctx.n8n.baseUrl}/webhook/${TRIGGER_PATH}`,
		bare: `${ctx.n8n.baseUrl}/webhook/${BARE_PATH}`,
		plain: `${ctx.n8n.baseUrl}/webhook/${plainWebhookWorkflow().path}`,
	};
	const workflowIds: Record<Variant, string> = {
		trigger: TRIGGER_ID,
		bare: BARE_ID,
		plain: plainWebhookWorkflow().workflow.id,
	};
	const runs: Record<Variant, Blast[]> = { trigger: [], bare: [], plain: [] };
	const all: Record<Variant, Blast[]> = { trigger: [], bare: [], plain: [] };
	const progress = () =>
		VARIANTS.filter((v) => all[v].length)
			.map((v) => `${LABEL[v]}: ${accounting(all[v])}`)
			.join('; ');
	let timedOut = false;
	rounds: for (let round = 0; round <= sizes.runs; round++) {
		for (const variant of VARIANTS) {
			const n = round === 0 ? Math.min(200, sizes.deliveries) : sizes.deliveries;
			ctx.log(`${name}: ${LABEL[variant]} ${round === 0 ? 'warm-up' : `run ${round}`}`);
			const items = deliveries(n, `${variant}-${round}`);
			const result = await blast(
				ctx.n8n,
				workflowIds[variant],
				urls[variant],
				items,
				sizes.deliveryConcurrency,
				(d) => signed(subscription.secret, d),
			);
			all[variant].push(result);
			ctx.partial = progress();
			ctx.log(`${LABEL[variant]}: ${accounting([result])} in ${(result.ms / 1000).toFixed(1)} s`);
			if (result.timedOut) {
				timedOut = true;
				break rounds;
			}
			if (round > 0) runs[variant].push(result);
		}
	}
	// a run counts for the rates only when every delivery became a finished execution
	const clean = (variant: Variant) =>
		runs[variant].filter((r) => r.finished === r.sent && r.notOk === 0);
	const rate = (variant: Variant, until: 'ms' | 'answeredMs' = 'ms') =>
		clean(variant).length
			? median(clean(variant).map((r) => (r.sent / r[until]) * 1000))
			: Number.NaN;
	const perSecond = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(1)}/s`);
	if (timedOut) report.timedOut(RATIO_NAME, progress(), '≥ 0.90x');
	else if (Number.isNaN(rate('trigger')) || Number.isNaN(rate('bare')))
		report.add({
			name: RATIO_NAME,
			value: `no run where every delivery finished (${progress()})`,
			target: '≥ 0.90x',
			ok: false,
		});
	else report.target(RATIO_NAME, rate('trigger') / rate('bare'), ratio, '≥ 0.90x', (n) => n >= 0.9);
	report.info(
		'trigger: deliveries per second until every execution finished, HueChat Trigger | bare community trigger | plain Webhook node',
		`${VARIANTS.slice()
			.reverse()
			.map((v) => perSecond(rate(v)))
			.join(' | ')}; answered ${VARIANTS.slice()
			.reverse()
			.map((v) => perSecond(rate(v, 'answeredMs')))
			.join(
				' | ',
			)} (${sizes.deliveries.toLocaleString('en-US')} deliveries, ${sizes.deliveryConcurrency} at once, ${sizes.runs} runs after a warm-up)`,
	);
	for (const variant of ['trigger', 'bare', 'plain'] as const) {
		const ok = all[variant].every((r) => r.finished === r.sent && r.notOk === 0);
		report.target(
			`trigger: every delivery accounted for, ${LABEL[variant]} (warm-up included)`,
			ok ? 1 : 0,
			() => accounting(all[variant]),
			'all finished',
			() => ok,
		);
	}
	const latencies = (variant: Variant) => runs[variant].flatMap((r) => r.latencies);
	const p = (variant: Variant) =>
		latencies(variant).length
			? `${millis(percentile(latencies(variant), 50))} / ${millis(percentile(latencies(variant), 99))}`
			: 'n/a';
	report.info(
		'trigger: time to the 2xx p50 / p99, HueChat Trigger | bare community trigger | plain Webhook node',
		`${p('trigger')} | ${p('bare')} | ${p('plain')}`,
	);
	ctx.report.context.trigger = {
		rates: { trigger: rate('trigger'), bare: rate('bare'), plain: rate('plain') },
		runs: Object.fromEntries(
			VARIANTS.map((v) => [v, all[v].map(({ latencies: _latencies, ...rest }) => rest)]),
		),
	};
}
