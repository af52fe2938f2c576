/**
 * Figure 3: trigger throughput. Signed HueChat deliveries (Standard Webhooks, v2 outbound webhook) posted as fast as
 * BENCH_DELIVERY_CONCURRENCY connections allow to the HueChat Trigger in real n8n (verification on, dedupe on, each
 * delivery a new event), against the same bodies posted to n8n's plain Webhook node (no verification). The plain node
 * answers once its execution is queued (onReceived); the trigger answers a moment earlier, before queueing (see
 * nodes/HueChatTrigger/deliveries.ts), so a run counts as done only when every execution it started has finished.
 * Figures: deliveries per second, all executions finished (ratio), and the time to the 2xx.
 */
import { createHmac, randomUUID } from 'node:crypto';

import { type N8nInstance, waitFor } from '../test/e2e/harness';
import type { BenchContext } from './context';
import { median, percentile, publishAndWait } from './n8nBench';
import { millis, ratio } from './report';
import { HUECHAT_CREDENTIAL, HUECHAT_TRIGGER_TYPE, plainWebhookWorkflow } from './workflows';

const TRIGGER_ID = 'benchTrigger';
const TRIGGER_WEBHOOK_ID = '00000000-0000-4000-8300-00000000aaaa';
const TRIGGER_PATH = `${TRIGGER_WEBHOOK_ID}/webhook`;

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
	]);
	await publishAndWait(ctx.n8n, [{ id: TRIGGER_ID, path: TRIGGER_PATH }]);
	ctx.paths.trigger = TRIGGER_PATH;
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

/** How many executions of the workflow finished successfully (n8n's public API, 250 a page). */
async function succeeded(n8n: N8nInstance, workflowId: string): Promise<number> {
	let count = 0;
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({
			workflowId,
			status: 'success',
			limit: '250',
			...(cursor ? { cursor } : {}),
		});
		const page = await n8n.api<{ data: unknown[]; nextCursor?: string | null }>(
			'GET',
			`/executions?${query.toString()}`,
		);
		count += page.data.length;
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return count;
}

/**
 * Posts every delivery with `concurrency` in flight, then waits until the workflow's executions all finished.
 * Answers the wall time to the last answer and to the last execution, and each delivery's time to its 2xx.
 */
async function blast(
	n8n: N8nInstance,
	workflowId: string,
	url: string,
	items: Delivery[],
	concurrency: number,
	headers: (d: Delivery) => Record<string, string>,
) {
	const before = await succeeded(n8n, workflowId);
	const latencies: number[] = [];
	let next = 0;
	let failures = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < items.length) {
				const delivery = items[next++];
				const sent = performance.now();
				const response = await fetch(url, {
					method: 'POST',
					headers: headers(delivery),
					body: delivery.body,
				});
				const text = await response.text();
				latencies.push(performance.now() - sent);
				if (response.status < 200 || response.status >= 300 || text.includes('"duplicate"'))
					failures += 1;
			}
		}),
	);
	const answeredMs = performance.now() - started;
	// counted only once nothing runs: the trigger answers just before its execution is queued
	const finished = async () =>
		!(await running(n8n, workflowId)) &&
		(await succeeded(n8n, workflowId)) - before >= items.length;
	await waitFor(
		`${items.length} executions of ${workflowId}`,
		async () => (await finished()) || undefined,
		{ timeoutMs: 300_000, intervalMs: 250 },
	);
	return { ms: performance.now() - started, answeredMs, latencies, failures };
}

export async function figureTrigger(ctx: BenchContext): Promise<void> {
	const { report, sizes } = ctx;
	const name = `trigger: ${sizes.deliveries.toLocaleString('en-US')} signed deliveries, ${sizes.deliveryConcurrency} at once`;
	if (!ctx.capabilities.trigger || !ctx.paths.trigger) {
		report.pending(
			'trigger: HueChat Trigger (verified) / plain Webhook node, deliveries per second (executions finished)',
			'the package has no HueChat Trigger node yet',
			'≥ 0.90x',
		);
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
	const plainUrl = `${ctx.n8n.baseUrl}/webhook/${plainWebhookWorkflow().path}`;
	const triggerUrl = `${ctx.n8n.baseUrl}/webhook/${TRIGGER_PATH}`;
	const runs: Record<
		'trigger' | 'plain',
		Array<{ ms: number; answeredMs: number; latencies: number[]; failures: number }>
	> = { trigger: [], plain: [] };
	const workflowIds = { trigger: TRIGGER_ID, plain: plainWebhookWorkflow().workflow.id };
	for (let round = 0; round <= sizes.runs; round++) {
		for (const variant of ['plain', 'trigger'] as const) {
			const n = round === 0 ? Math.min(200, sizes.deliveries) : sizes.deliveries;
			ctx.log(
				`${name}: ${variant === 'trigger' ? 'HueChat Trigger' : 'plain Webhook node'} ${round === 0 ? 'warm-up' : `run ${round}`}`,
			);
			const items = deliveries(n, `${variant}-${round}`);
			const url = variant === 'trigger' ? triggerUrl : plainUrl;
			const result = await blast(
				ctx.n8n,
				workflowIds[variant],
				url,
				items,
				sizes.deliveryConcurrency,
				(d) => signed(subscription.secret, d),
			);
			if (result.failures)
				throw new Error(
					`${variant}: ${result.failures} of ${n} deliveries were not answered 2xx (or were taken for duplicates)`,
				);
			if (round > 0) runs[variant].push(result);
		}
	}
	const rate = (variant: 'trigger' | 'plain', until: 'ms' | 'answeredMs' = 'ms') =>
		median(runs[variant].map((r) => (sizes.deliveries / r[until]) * 1000));
	const all = (variant: 'trigger' | 'plain') => runs[variant].flatMap((r) => r.latencies);
	report.target(
		'trigger: HueChat Trigger (verified) / plain Webhook node, deliveries per second (executions finished)',
		rate('trigger') / rate('plain'),
		ratio,
		'≥ 0.90x',
		(n) => n >= 0.9,
	);
	report.info(
		'trigger: deliveries per second, HueChat Trigger | plain Webhook node',
		`${rate('trigger').toFixed(0)}/s | ${rate('plain').toFixed(0)}/s until every execution finished; ${rate('trigger', 'answeredMs').toFixed(0)}/s | ${rate('plain', 'answeredMs').toFixed(0)}/s answered (${sizes.deliveries.toLocaleString('en-US')} deliveries, ${sizes.deliveryConcurrency} at once, ${sizes.runs} runs)`,
	);
	report.info(
		'trigger: time to the 2xx p50 / p99, HueChat Trigger | plain Webhook node',
		`${millis(percentile(all('trigger'), 50))} / ${millis(percentile(all('trigger'), 99))} | ${millis(percentile(all('plain'), 50))} / ${millis(percentile(all('plain'), 99))}`,
	);
	ctx.report.context.trigger = {
		rates: { trigger: rate('trigger'), plain: rate('plain') },
		runsMs: { trigger: runs.trigger.map((r) => r.ms), plain: runs.plain.map((r) => r.ms) },
	};
}
