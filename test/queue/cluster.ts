/**
 * n8n in queue mode on one machine: the main process (editor, REST, public API, publication, and production webhooks
 * too), one webhook process (`n8n webhook`: production webhooks only) and workers (`n8n worker`) that run every
 * production execution. They share one user folder (the encryption key, the installed package), one Redis and one
 * database: a PostgreSQL database of their own when given one (`postgres`, or the queue run's HUECHAT_QUEUE_POSTGRES:
 * test/queue/postgres.ts, PostgreSQL 17), n8n's production recommendation; else the sqlite file in the user folder,
 * about which n8n 2.41.1 only warns in queue mode ("not officially supported").
 *
 * Built on test/e2e/harness.ts: main is an ordinary N8nInstance created with queueEnv(); the other processes get
 * the same environment (N8nInstance.env) with their own ports. Logs: .cache/e2e/logs/<name>.<role>.log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	freePort,
	LOG_DIR,
	N8nInstance,
	n8nDir,
	nodeBinary,
	waitFor,
	type N8nOptions,
} from '../e2e/harness';
import {
	createDatabase,
	postgresFromEnv,
	storedExecutions,
	type PostgresAddress,
	type StoredExecution,
} from './postgres';

let prefixes = 0;

/** The environment that puts an n8n instance in queue mode on this Redis, with a Bull prefix of its own. */
export function queueEnv(
	redis: { host: string; port: number },
	name: string,
): Record<string, string> {
	prefixes += 1;
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_PREFIX: `bull-${name}-${process.pid}-${prefixes}`,
	};
}

const live = new Set<QueueProcess>();
process.once('exit', () => {
	for (const proc of live) proc.killNow();
});

/** One `n8n webhook` or `n8n worker` process (its own process group, like the harness's `n8n start`). */
export class QueueProcess {
	private readonly exited: Promise<void>;

	constructor(
		readonly role: string,
		readonly child: ChildProcess,
		readonly log: string,
		readonly port: number,
	) {
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		live.add(this);
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get running(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Synchronous last resort (process exit): SIGKILL to the process group. */
	killNow(): void {
		this.signal('SIGKILL');
	}

	private signal(name: NodeJS.Signals): void {
		try {
			if (this.child.pid) process.kill(-this.child.pid, name);
		} catch {
			// gone
		}
	}

	/** SIGTERM (n8n finishes running jobs), SIGKILL after timeoutMs and for what is left of the group. */
	async stop(timeoutMs = 20_000): Promise<void> {
		if (this.running) {
			this.signal('SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				this.exited,
				new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
			]);
			clearTimeout(timer);
		}
		this.signal('SIGKILL');
		live.delete(this);
	}

	tail(lines = 40): string {
		const text = fs.existsSync(this.log)
			? fs.readFileSync(this.log, 'utf8').trimEnd().split('\n')
			: [];
		return `--- last ${lines} lines of ${path.relative(process.cwd(), this.log)} ---\n${text.slice(-lines).join('\n')}`;
	}

	/** Waits for /healthz/readiness (webhook: N8N_PORT; worker: QUEUE_HEALTH_CHECK_PORT). */
	async ready(timeoutMs: number): Promise<void> {
		await waitFor(
			`n8n ${this.role} readiness`,
			async () => {
				if (!this.running)
					throw new Error(
						`n8n ${this.role} exited (${this.child.exitCode ?? this.child.signalCode})\n${this.tail()}`,
					);
				const response = await fetch(`${this.baseUrl}/healthz/readiness`).catch(() => undefined);
				return response?.ok === true;
			},
			{ timeoutMs, intervalMs: 250 },
		);
	}
}

async function spawnRole(
	main: N8nInstance,
	role: string,
	args: string[],
	port: number,
	extra: Record<string, string> = {},
): Promise<QueueProcess> {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const log = path.join(LOG_DIR, `${main.name}.${role}.log`);
	const out = fs.openSync(log, 'w');
	const env = {
		...main.env(await freePort()),
		N8N_PORT: String(port),
		QUEUE_HEALTH_CHECK_PORT: String(port),
		...extra,
	};
	const child = spawn(
		nodeBinary(),
		[path.join(n8nDir(), 'node_modules', 'n8n', 'bin', 'n8n'), ...args],
		{
			cwd: main.userFolder,
			env,
			stdio: ['ignore', out, out],
			detached: true,
		},
	);
	fs.closeSync(out);
	return new QueueProcess(role, child, log, port);
}

export interface QueueProcessOptions {
	/** Port of the webhook process (default: a free one). */
	webhookPort?: number;
	/** Worker processes (default 2). */
	workers?: number;
	/** Jobs each worker runs at once (`n8n worker --concurrency`, default 10 as in n8n). */
	workerConcurrency?: number;
	timeoutMs?: number;
}

/**
 * Starts the webhook process and the workers of a queue-mode main that is already running (main ran the database
 * migrations), side by side, and waits until each is ready.
 */
export async function startQueueProcesses(
	main: N8nInstance,
	options: QueueProcessOptions = {},
): Promise<QueueProcess[]> {
	const webhookPort = options.webhookPort ?? (await freePort());
	const spawned = [spawnRole(main, 'webhook', ['webhook'], webhookPort)];
	for (let i = 1; i <= (options.workers ?? 2); i++) {
		spawned.push(
			spawnRole(
				main,
				`worker${i}`,
				['worker', `--concurrency=${options.workerConcurrency ?? 10}`],
				await freePort(),
				{
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				},
			),
		);
	}
	const processes = await Promise.all(spawned);
	try {
		await Promise.all(processes.map((proc) => proc.ready(options.timeoutMs ?? 240_000)));
	} catch (error) {
		await Promise.all(processes.map((proc) => proc.stop(5_000)));
		throw error;
	}
	return processes;
}

export interface QueueClusterOptions extends N8nOptions, QueueProcessOptions {
	redis: { host: string; port: number };
	/** PostgreSQL to run on, a new database of its own (default: HUECHAT_QUEUE_POSTGRES when set, else sqlite). */
	postgres?: PostgresAddress;
	/** Whether triggers register the webhook process's URL (default true) or main's. */
	webhookUrlOfWebhookProcess?: boolean;
}

/** main + webhook process + workers, as one object. */
export class QueueCluster {
	processes: QueueProcess[] = [];

	private constructor(
		readonly main: N8nInstance,
		readonly webhookPort: number,
		private readonly options: QueueClusterOptions,
	) {}

	static async create(options: QueueClusterOptions): Promise<QueueCluster> {
		const webhookPort = options.webhookPort ?? (await freePort());
		const name = options.name ?? 'queue';
		const postgres = options.postgres ?? postgresFromEnv();
		const main = await N8nInstance.create({
			...options,
			name,
			env: {
				...queueEnv(options.redis, name),
				...(postgres ? await createDatabase(postgres, name) : {}),
				...(options.webhookUrlOfWebhookProcess === false
					? {}
					: { N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/` }),
				...options.env,
			},
		});
		return new QueueCluster(main, webhookPort, options);
	}

	/** Which database the cluster runs on, for the suite's output. */
	get database(): string {
		const env = this.main.env();
		return env.DB_TYPE === 'postgresdb'
			? `PostgreSQL database ${env.DB_POSTGRESDB_DATABASE} on ${env.DB_POSTGRESDB_HOST}:${env.DB_POSTGRESDB_PORT}`
			: `${env.DB_TYPE}`;
	}

	/** The executions of `workflowId` as the database holds them (PostgreSQL clusters only): see storedExecutions. */
	async storedExecutions(workflowId: string): Promise<StoredExecution[]> {
		const env = this.main.env();
		if (env.DB_TYPE !== 'postgresdb')
			throw new Error(`storedExecutions reads PostgreSQL; this cluster runs on ${env.DB_TYPE}`);
		return await storedExecutions(
			{ host: String(env.DB_POSTGRESDB_HOST), port: Number(env.DB_POSTGRESDB_PORT) },
			String(env.DB_POSTGRESDB_DATABASE),
			workflowId,
		);
	}

	/** The webhook process's base URL. */
	get webhookUrl(): string {
		return `http://127.0.0.1:${this.webhookPort}`;
	}

	get workers(): QueueProcess[] {
		return this.processes.filter((proc) => proc.role.startsWith('worker'));
	}

	async start({ timeoutMs = 240_000 } = {}): Promise<void> {
		await this.main.start({ timeoutMs });
		this.processes = await startQueueProcesses(this.main, {
			...this.options,
			webhookPort: this.webhookPort,
			timeoutMs,
		});
	}

	/** Runs fn; on failure appends every process's log tail (main's through its guard, which keeps the user folder). */
	async guard<T>(fn: () => Promise<T> | T): Promise<T> {
		return await this.main.guard(async () => {
			try {
				return await fn();
			} catch (error) {
				const tails = this.processes.map((proc) => proc.tail(25)).join('\n');
				if (error instanceof Error) error.message += `\n${tails}`;
				throw error;
			}
		});
	}

	async stop(): Promise<void> {
		await Promise.all(this.processes.map((proc) => proc.stop()));
		await this.main.stop();
	}

	/** Stops every process; removes the user folder unless a guarded step failed. */
	async dispose(): Promise<void> {
		await Promise.all(this.processes.map((proc) => proc.stop()));
		await this.main.dispose();
	}
}
