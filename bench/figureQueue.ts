/**
 * Queue mode: two n8n workers creating messages under ONE 600 RPM key, 1,000 creates split into two executions
 * that run at the same time, one per worker (worker concurrency 1). Each worker paces in its own memory, from the
 * X-RateLimit-* headers HueChat returns, which carry the key's remaining count shared by both; what they cost each
 * other shows as 429s (retried after Retry-After). Figures: the share of the limit used, failed items, duplicates.
 */
import * as fs from 'node:fs';

import { QueueCluster } from '../test/queue/cluster';
import { startRedis } from '../test/queue/redis';
import type { BenchContext } from './context';
import { createItems, createOutcome } from './figureCreates';
import { callWebhook, waitForWebhooks } from './n8nBench';
import { count, percent, seconds } from './report';
import { TIGHT_HUECHAT_CREDENTIAL, createWorkflow } from './workflows';

export async function figureQueue(ctx: BenchContext): Promise<void> {
	const { sizes, sim, report } = ctx;
	const limit = (sizes.rpm * sizes.windowSeconds) / 60;
	const label = `queue mode, 2 workers, one ${sizes.rpm} RPM key, ${count(sizes.creates)} creates`;
	ctx.log(`${label}: starting Redis, n8n main + webhook process + 2 workers`);
	const redis = await startRedis('bench.redis');
	const cluster = await QueueCluster.create({
		name: 'bench-queue',
		redis,
		packageTgz: ctx.packageTgz,
		workers: 2,
		workerConcurrency: 1,
	});
	try {
		const token = await sim.createKey({ rpm: limit });
		await cluster.main.importCredentials([
			{
				...TIGHT_HUECHAT_CREDENTIAL,
				type: 'hueChatApi',
				data: { apiToken: token, accountId: sim.accountId, baseUrl: sim.url },
			},
		]);
		const { workflow, path } = createWorkflow('huechat', sim.url, sim.accountId, 2, 'Q');
		await cluster.main.importWorkflows([workflow]);
		await cluster.start();
		await cluster.main.publishWorkflow(workflow.id);
		await waitForWebhooks(cluster.webhookUrl, [path]);

		await sim.clearRequests();
		const before = cluster.workers.map(
			(worker) =>
				(fs.readFileSync(worker.log, 'utf8').match(/Worker started execution/g) ?? []).length,
		);
		const prefix = `bench-queue-${Date.now()}-`;
		const half = Math.ceil(sizes.creates / 2);
		ctx.log(`${label}: two executions of ${half} creates at once, through the webhook process`);
		const started = performance.now();
		const answers = await Promise.all([
			callWebhook<Array<Record<string, unknown>>>(cluster.webhookUrl, path, {
				items: createItems(prefix, half),
			}),
			callWebhook<Array<Record<string, unknown>>>(cluster.webhookUrl, path, {
				items: createItems(prefix, sizes.creates - half, half),
			}),
		]);
		const elapsedMs = performance.now() - started;
		const perWorker = cluster.workers.map(
			(worker, i) =>
				(fs.readFileSync(worker.log, 'utf8').match(/Worker started execution/g) ?? []).length -
				before[i],
		);
		const output = answers.flatMap((answer) =>
			Array.isArray(answer.json) ? answer.json : [answer.json],
		);
		const outcome = await createOutcome(
			sim,
			output,
			prefix,
			sizes.creates,
			elapsedMs,
			sizes.windowSeconds * 1000,
			limit,
		);
		ctx.report.context.queue = { ...outcome, perWorker };
		report.target(
			`${label}: share of the limit sustained`,
			outcome.share,
			percent,
			'≥ 95%',
			(n) => n >= 0.95,
		);
		report.target(`${label}: failed items`, outcome.failed, String, '0', (n) => n === 0);
		report.target(`${label}: duplicates`, outcome.duplicates, String, '0', (n) => n === 0);
		report.info(
			`${label}: run`,
			`first to last request ${seconds(outcome.spanMs)} (the least the limit allows ${seconds(outcome.minimumMs)}), webhook calls ${seconds(elapsedMs)}, ${outcome.rejected429} × 429 (retried), executions per worker ${perWorker.join(' + ')}`,
		);
	} finally {
		await cluster.dispose();
		await redis.stop();
	}
}
