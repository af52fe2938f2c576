/**
 * setupFilesAfterEnv of the queue-mode project in jest.queue.config.js: runs the end-to-end suites of test/e2e,
 * unchanged, against n8n in queue mode. Every N8nInstance those files create gets queue mode on the run's Redis and a
 * database of its own on the run's PostgreSQL 17 (instead of the sqlite file in its user folder), and when it starts,
 * a webhook process and two workers start next to it (and stop with it). Production executions (webhook workflows,
 * the trigger's deliveries) then run on the workers; `n8n execute` keeps running in its own process, as n8n does in
 * queue mode. Triggers keep registering main's URL, as the suites expect; test/queue covers the webhook process as
 * the registered URL.
 */
import { N8nInstance, type N8nOptions } from '../e2e/harness';
import { queueEnv, startQueueProcesses, type QueueProcess } from './cluster';
import { createDatabase, postgresFromEnv } from './postgres';

const redisAddress = process.env.HUECHAT_QUEUE_REDIS;
if (!redisAddress)
	throw new Error(
		'HUECHAT_QUEUE_REDIS is not set: run through `npx jest -c jest.queue.config.js` (its globalSetup starts Redis)',
	);
const [host, port] = redisAddress.split(':');
const redis = { host, port: Number(port) };
const postgres = postgresFromEnv();
if (!postgres)
	throw new Error(
		'HUECHAT_QUEUE_POSTGRES is not set: run through `npx jest -c jest.queue.config.js` (its globalSetup starts PostgreSQL)',
	);

const extra = new WeakMap<N8nInstance, QueueProcess[]>();

type Create = (options?: N8nOptions) => Promise<N8nInstance>;
const create: Create = N8nInstance.create.bind(N8nInstance);
(N8nInstance as unknown as { create: Create }).create = async (options: N8nOptions = {}) => {
	const name = options.name ?? 'n8n';
	return await create({
		...options,
		env: { ...queueEnv(redis, name), ...(await createDatabase(postgres, name)), ...options.env },
	});
};

const { start, stop } = N8nInstance.prototype;
N8nInstance.prototype.start = async function startInQueueMode(
	this: N8nInstance,
	options?: { timeoutMs?: number },
): Promise<void> {
	if (this.running) return;
	await start.call(this, options);
	try {
		extra.set(this, await startQueueProcesses(this, { workers: 2, timeoutMs: options?.timeoutMs }));
	} catch (error) {
		this.failed = true;
		await stop.call(this);
		throw error;
	}
	const database = this.env().DB_POSTGRESDB_DATABASE;
	process.stdout.write(
		`[queue] ${this.name}: main + webhook process + 2 workers ready (PostgreSQL database ${database})\n`,
	);
};
N8nInstance.prototype.stop = async function stopInQueueMode(
	this: N8nInstance,
	options?: { timeoutMs?: number },
): Promise<void> {
	const processes = extra.get(this) ?? [];
	extra.delete(this);
	await Promise.all(processes.map((proc) => proc.stop()));
	await stop.call(this, options);
};

/** The webhook process and workers started next to an instance (test/queue uses it for assertions). */
export function queueProcessesOf(instance: N8nInstance): QueueProcess[] {
	return extra.get(instance) ?? [];
}
