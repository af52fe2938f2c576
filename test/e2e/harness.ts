/**
 * End-to-end harness: a real, pinned n8n (2.41.1, installed by scripts/lib.sh into .cache/n8n) with this package
 * installed the way users get it, driven through its CLI, its REST API and its public API.
 *
 * Each N8nInstance owns an isolated user folder under .cache/e2e/ (database, config, and the packed package extracted
 * into <folder>/.n8n/nodes/node_modules/n8n-nodes-huechat, so node types are named `n8n-nodes-huechat.<node>`).
 * n8n's output goes to .cache/e2e/logs/<name>.server.log and .cli.log; errors raised here (and inside guard()) carry
 * the tail of those logs.
 *
 * Inputs (set by `sh scripts/run.sh e2e`, defaults work after one run of it):
 *   HUECHAT_PACKAGE_TGZ   the `npm pack` tarball to install (default: newest .cache/pack/n8n-nodes-huechat-*.tgz)
 *   NODE24_BIN            Node 24 binary (default: .cache/node24/node_modules/node-linux-<arch>/bin/node)
 *   N8N_DIR               folder holding node_modules/n8n (default: .cache/n8n)
 *   HUECHAT_E2E_KEEP=1    keep user folders after the run (they are kept anyway when a guarded step failed)
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache');
export const E2E_DIR = path.join(CACHE_DIR, 'e2e');
export const LOG_DIR = path.join(E2E_DIR, 'logs');
export const PACKAGE_NAME = 'n8n-nodes-huechat';
export const N8N_VERSION = '2.41.1';

/** Node types and credential types this package must contribute once n8n has loaded it. */
export const PACKAGE_NODE_TYPES = [`${PACKAGE_NAME}.hueChat`, `${PACKAGE_NAME}.hueChatTrigger`];
export const PACKAGE_CREDENTIAL_TYPES = ['hueChatApi'];

const arch = process.arch === 'arm64' ? 'arm64' : 'x64';

export function nodeBinary(): string {
	const candidates = [
		process.env.NODE24_BIN,
		path.join(CACHE_DIR, 'node24', 'node_modules', `node-linux-${arch}`, 'bin', 'node'),
	];
	for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	throw new Error(
		'Node 24 not found: run `sh scripts/run.sh e2e` once (it installs it into .cache/node24)',
	);
}

export function n8nDir(): string {
	const dir = process.env.N8N_DIR || path.join(CACHE_DIR, 'n8n');
	if (!fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'))) {
		throw new Error(
			`n8n is not installed in ${dir}: run \`sh scripts/run.sh e2e\` (it installs n8n ${N8N_VERSION})`,
		);
	}
	return dir;
}

/**
 * Major version of the n8n in n8nDir(): 2 normally; 1 when N8N_DIR points at the last 1.x release (.cache/n8n-1,
 * the compatibility run of the spine and examples suites), which has no owner-from-environment, no `mcp-registry`
 * module to disable, and activate/deactivate instead of publish/unpublish in its public API.
 */
export function n8nMajor(): number {
	const manifest = JSON.parse(
		fs.readFileSync(path.join(n8nDir(), 'node_modules', 'n8n', 'package.json'), 'utf8'),
	) as { version: string };
	return Number(manifest.version.split('.')[0]);
}

export function packageTarball(): string {
	const fromEnv = process.env.HUECHAT_PACKAGE_TGZ;
	if (fromEnv) return fromEnv;
	const packDir = path.join(CACHE_DIR, 'pack');
	const found = fs.existsSync(packDir)
		? fs
				.readdirSync(packDir)
				.filter((f) => f.startsWith(`${PACKAGE_NAME}-`) && f.endsWith('.tgz'))
				.map((f) => path.join(packDir, f))
				.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
		: [];
	if (!found.length)
		throw new Error(
			'No packed package: run `sh scripts/run.sh e2e` (it builds and packs into .cache/pack)',
		);
	return found[0];
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** What a workflow sent out to a receiver: the request's path and its JSON body. */
export interface Received {
	path: string;
	body: Record<string, unknown>;
}

/**
 * A stand-in for what a workflow sends out (a CRM, a report of each run) on 127.0.0.1: records every request's path
 * and JSON body in order of arrival and answers 200; a body that is not JSON is answered 400 and not recorded.
 */
export async function startReceiver(): Promise<{
	url: string;
	received: Received[];
	close(): Promise<void>;
}> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: Record<string, unknown>;
			try {
				body = JSON.parse(text || '{}') as Record<string, unknown>;
			} catch {
				res.writeHead(400).end(`not JSON: ${text.slice(0, 200)}`);
				return;
			}
			received.push({ path: req.url ?? '', body });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves true when promise settles within ms, false otherwise; leaves no timer behind. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<boolean>((resolve) => {
		timer = setTimeout(() => resolve(false), ms);
	});
	try {
		return await Promise.race([promise.then(() => true), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** Polls `check` until it returns something other than undefined/false, or throws after timeoutMs. */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined | false> | T | undefined | false,
	{ timeoutMs = 30_000, intervalMs = 250 } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
			);
		}
		await sleep(intervalMs);
	}
}

function tailOf(file: string, lines: number): string {
	if (!fs.existsSync(file)) return `(no ${file})`;
	const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
	return text.slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Execution data (what `n8n execute` prints and the public API returns with includeData=true)

export interface ItemJson {
	[key: string]: unknown;
}
export interface TaskData {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main: Array<Array<{ json: ItemJson }> | null> };
	error?: { message?: string; description?: string; httpCode?: string; [key: string]: unknown };
}
export interface ExecutionRun {
	finished?: boolean;
	mode?: string;
	status?: string;
	data: {
		resultData: {
			runData: Record<string, TaskData[]>;
			lastNodeExecuted?: string;
			error?: {
				message?: string;
				description?: string;
				node?: { name?: string };
				[key: string]: unknown;
			};
		};
	};
}
export interface ExecuteResult {
	/** exit code of `n8n execute` (0 = success, 1 = a node failed or the workflow was not found) */
	code: number;
	/** the parsed run, when n8n printed one */
	run?: ExecutionRun;
	stdout: string;
	stderr: string;
	durationMs: number;
}

/** The json of every item a node emitted on one output (default: first run, first output). */
export function outputOf(
	run: ExecutionRun,
	nodeName: string,
	{ runIndex = 0, outputIndex = 0 } = {},
): ItemJson[] {
	const task = run.data.resultData.runData[nodeName]?.[runIndex];
	if (!task) {
		const ran = Object.keys(run.data.resultData.runData).join(', ');
		throw new Error(
			`Node "${nodeName}" did not run (ran: ${ran}; error: ${run.data.resultData.error?.message ?? 'none'})`,
		);
	}
	if (task.error)
		throw new Error(
			`Node "${nodeName}" failed: ${task.error.message ?? JSON.stringify(task.error)}`,
		);
	return (task.data?.main[outputIndex] ?? []).map((item) => item.json);
}

/** `n8n execute` prints a few log lines, then the run as pretty-printed JSON (a `{` line … a `}` line). */
export function parseExecuteOutput(stdout: string): ExecutionRun | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	if (start < 0) return undefined;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
		} catch {
			// keep looking for an earlier closing line
		}
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowFixture {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface N8nOptions {
	/** names the user folder and the log files (default "n8n") */
	name?: string;
	/** extra/overriding environment for every n8n process of this instance */
	env?: Record<string, string>;
	/** tarball to install (default packageTarball()); false installs nothing */
	packageTgz?: string | false;
	owner?: Partial<Owner>;
	encryptionKey?: string;
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
	durationMs: number;
}

/** User folders kept by earlier failed runs (~50 MB each): drop those of this name older than 6 hours. */
function pruneOldFolders(name: string): void {
	const cutoff = Date.now() - 6 * 3600_000;
	for (const entry of fs.readdirSync(E2E_DIR, { withFileTypes: true })) {
		if (!entry.isDirectory() || !entry.name.startsWith(`${name}-`)) continue;
		const folder = path.join(E2E_DIR, entry.name);
		if (fs.statSync(folder).mtimeMs < cutoff) fs.rmSync(folder, { recursive: true, force: true });
	}
}

const live = new Set<N8nInstance>();
process.once('exit', () => {
	for (const instance of live) instance.killNow();
});

export class N8nInstance {
	readonly name: string;
	readonly userFolder: string;
	readonly serverLog: string;
	readonly cliLog: string;
	readonly owner: Owner;
	readonly encryptionKey: string;
	port = 0;
	brokerPort = 0;
	/** ms from spawn to /healthz/readiness answering 200, set by start() */
	startupMs = 0;
	/** set when a guard()ed step failed: the user folder is then kept for inspection */
	failed = false;

	private child?: ChildProcess;
	private exited?: Promise<void>;
	private cookie?: string;
	private apiKey?: string;
	private readonly extraEnv: Record<string, string>;
	private importCount = 0;

	private constructor(options: N8nOptions) {
		this.name = options.name ?? 'n8n';
		fs.mkdirSync(LOG_DIR, { recursive: true });
		pruneOldFolders(this.name);
		this.userFolder = fs.mkdtempSync(path.join(E2E_DIR, `${this.name}-`));
		this.serverLog = path.join(LOG_DIR, `${this.name}.server.log`);
		this.cliLog = path.join(LOG_DIR, `${this.name}.cli.log`);
		fs.writeFileSync(this.serverLog, '');
		fs.writeFileSync(this.cliLog, '');
		this.owner = {
			email: options.owner?.email ?? process.env.HUECHAT_E2E_OWNER_EMAIL ?? 'e2e@example.com',
			password:
				options.owner?.password ?? process.env.HUECHAT_E2E_OWNER_PASSWORD ?? 'E2ePassw0rd!x',
			firstName: options.owner?.firstName ?? 'E2E',
			lastName: options.owner?.lastName ?? 'Owner',
		};
		this.encryptionKey = options.encryptionKey ?? 'huechat-e2e-fixed-encryption-key';
		this.extraEnv = options.env ?? {};
	}

	/** Prepares the user folder, installs the package and picks ports; does not start n8n. */
	static async create(options: N8nOptions = {}): Promise<N8nInstance> {
		const instance = new N8nInstance(options);
		if (options.packageTgz !== false)
			instance.installPackage(options.packageTgz ?? packageTarball());
		instance.port = await freePort();
		instance.brokerPort = await freePort();
		return instance;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get running(): boolean {
		return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Process id of the running `n8n start` (undefined when stopped): memory figures read /proc/<pid>. */
	get pid(): number | undefined {
		return this.running ? this.child?.pid : undefined;
	}

	/** Extracts a packed package into <userFolder>/.n8n/nodes/node_modules/<its name>. */
	installPackage(tgz: string, packageName = PACKAGE_NAME): string {
		const dest = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', packageName);
		fs.rmSync(dest, { recursive: true, force: true });
		fs.mkdirSync(dest, { recursive: true });
		execFileSync('tar', ['-xzf', tgz, '-C', dest, '--strip-components=1']);
		return dest;
	}

	/** Environment of every n8n process (keep in sync with n8n_env in scripts/run.sh). */
	env(brokerPort = this.brokerPort): NodeJS.ProcessEnv {
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([key]) =>
					!/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_ENV$|NODE_OPTIONS$|E2E_TESTS$|JEST_)/.test(
						key,
					),
			),
		);
		const node = nodeBinary();
		return {
			...inherited,
			PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_SECURE_COOKIE: 'false',
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			...(n8nMajor() >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			GENERIC_TIMEZONE: 'UTC',
			// info, not warn: `n8n execute` prints its result through the logger when a node fails
			N8N_LOG_LEVEL: 'info',
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: this.owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: this.owner.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: this.owner.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: this.passwordHash(),
			...this.extraEnv,
		};
	}

	private hash?: string;
	private passwordHash(): string {
		if (!this.hash) {
			const requireFromN8n = createRequire(path.join(n8nDir(), 'package.json'));
			const bcrypt = requireFromN8n('bcryptjs') as {
				hashSync(value: string, rounds: number): string;
			};
			this.hash = bcrypt.hashSync(this.owner.password, 10);
		}
		return this.hash;
	}

	private n8nArgs(args: string[]): [string, string[]] {
		return [nodeBinary(), [path.join(n8nDir(), 'node_modules', 'n8n', 'bin', 'n8n'), ...args]];
	}

	/** Tail of the server log and the CLI log, for error messages. */
	logTail(lines = 60): string {
		return (
			`--- last ${lines} lines of ${path.relative(REPO_ROOT, this.serverLog)} ---\n${tailOf(this.serverLog, lines)}\n` +
			`--- last ${lines} lines of ${path.relative(REPO_ROOT, this.cliLog)} ---\n${tailOf(this.cliLog, lines)}`
		);
	}

	/** Runs fn; when it throws, marks the instance failed and appends the n8n log tails to the error message. */
	async guard<T>(fn: () => Promise<T> | T): Promise<T> {
		try {
			return await fn();
		} catch (error) {
			this.failed = true;
			if (error instanceof Error) {
				error.message += `\n\n${this.logTail()}`;
				throw error;
			}
			throw new Error(`${String(error)}\n\n${this.logTail()}`);
		}
	}

	// --- server lifecycle ------------------------------------------------------------------------------------------

	/** `n8n start`, then waits until /healthz/readiness answers 200 (a fresh DB runs ~270 migrations: 12–20 s). */
	async start({ timeoutMs = 180_000 } = {}): Promise<void> {
		if (this.running) return;
		const out = fs.openSync(this.serverLog, 'a');
		const [cmd, args] = this.n8nArgs(['start']);
		const began = Date.now();
		const child = spawn(cmd, args, {
			cwd: this.userFolder,
			env: this.env(),
			stdio: ['ignore', out, out],
			detached: true,
		});
		fs.closeSync(out);
		this.child = child;
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		live.add(this);
		try {
			await waitFor(
				`n8n readiness on ${this.baseUrl}`,
				async () => {
					if (!this.running)
						throw new Error(`n8n exited (code ${child.exitCode}, signal ${child.signalCode})`);
					const response = await fetch(`${this.baseUrl}/healthz/readiness`).catch(() => undefined);
					return response?.ok === true;
				},
				{ timeoutMs, intervalMs: 200 },
			);
		} catch (error) {
			this.failed = true;
			await this.stop();
			throw new Error(`n8n did not start: ${(error as Error).message}\n\n${this.logTail()}`);
		}
		this.startupMs = Date.now() - began;
		this.cookie = undefined;
		if (n8nMajor() < 2) await this.setUpOwner();
	}

	/**
	 * n8n 1.x: the owner is set up once through the API (2.x takes it from N8N_INSTANCE_OWNER_*). 1.x answers
	 * /healthz/readiness before its REST routes exist (404 until then).
	 */
	private async setUpOwner(): Promise<void> {
		await waitFor('n8n 1.x owner setup', async () => {
			const { status, text } = await this.request('POST', '/rest/owner/setup', {
				body: this.owner,
			});
			if (status === 200 || /already/i.test(text)) return true;
			throw new Error(`POST /rest/owner/setup → ${status}: ${text.slice(0, 300)}`);
		});
	}

	/** SIGTERM to n8n's process group (n8n and its task runner), SIGKILL after timeoutMs. */
	async stop({ timeoutMs = 20_000 } = {}): Promise<void> {
		const child = this.child;
		if (!child?.pid) return;
		if (this.running) {
			this.signalGroup('SIGTERM');
			if (!(await settlesWithin(this.exited!, timeoutMs))) this.signalGroup('SIGKILL');
			await settlesWithin(this.exited!, 5_000);
		}
		this.signalGroup('SIGKILL'); // leftovers of the group (task runner)
		this.child = undefined;
		live.delete(this);
	}

	/** Stops n8n and removes the user folder (kept when HUECHAT_E2E_KEEP=1 or a guarded step failed). */
	async dispose(): Promise<void> {
		await this.stop();
		if (this.failed || process.env.HUECHAT_E2E_KEEP === '1') {
			process.stderr.write(`[e2e] kept n8n user folder ${this.userFolder}\n`);
			return;
		}
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** Synchronous last resort (process exit). */
	killNow(): void {
		this.signalGroup('SIGKILL');
	}

	private signalGroup(signal: NodeJS.Signals): void {
		const pid = this.child?.pid;
		if (!pid) return;
		try {
			process.kill(-pid, signal);
		} catch {
			// already gone
		}
	}

	// --- CLI -------------------------------------------------------------------------------------------------------

	/**
	 * Runs an n8n CLI command against this instance's database. It gets its own task-broker port, so it also works
	 * while the server runs. Output is captured (never piped into something that may close early) and logged.
	 */
	async cli(args: string[], { timeoutMs = 120_000 } = {}): Promise<CliResult> {
		const [cmd, fullArgs] = this.n8nArgs(args);
		const env = this.env(await freePort());
		const began = Date.now();
		const child = spawn(cmd, fullArgs, {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// gone
			}
		}, timeoutMs);
		const code = await new Promise<number>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
		}).finally(() => clearTimeout(timer));
		const durationMs = Date.now() - began;
		fs.appendFileSync(
			this.cliLog,
			`\n$ n8n ${args.join(' ')}   (exit ${code}, ${(durationMs / 1000).toFixed(1)} s)\n${stdout}${stderr ? `\n[stderr]\n${stderr}` : ''}\n`,
		);
		return { code, stdout, stderr, durationMs };
	}

	private async cliOk(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`.trimEnd(),
			);
		}
		return result;
	}

	private writeImport(kind: string, content: unknown): string {
		const dir = path.join(this.userFolder, 'import');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${kind}-${++this.importCount}.json`);
		fs.writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	/** `n8n import:credentials`: plain `data` is fine, n8n encrypts it with the instance key. */
	async importCredentials(credentials: CredentialFixture[]): Promise<void> {
		await this.cliOk([
			'import:credentials',
			`--input=${this.writeImport('credentials', credentials)}`,
		]);
	}

	/** `n8n import:workflow` of workflow objects or of JSON files (each holding one workflow or an array). */
	async importWorkflows(workflows: Array<WorkflowFixture | string>): Promise<void> {
		const objects = workflows.flatMap((workflow) => {
			if (typeof workflow !== 'string') return [workflow];
			const parsed = JSON.parse(fs.readFileSync(workflow, 'utf8')) as
				WorkflowFixture | WorkflowFixture[];
			return Array.isArray(parsed) ? parsed : [parsed];
		});
		await this.cliOk(['import:workflow', `--input=${this.writeImport('workflows', objects)}`]);
	}

	/**
	 * `n8n execute --id <id> --rawOutput` (starts at the Manual Trigger; runs as the owner, so the server must have
	 * started once to create it). Never throws for a failed workflow: inspect code/run.
	 */
	async executeWorkflow(id: string, { timeoutMs = 120_000 } = {}): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs });
		return { ...result, run: parseExecuteOutput(result.stdout) };
	}

	/** Node type names n8n knows, via `n8n export:nodes` (no server needed). */
	async exportNodeTypes(): Promise<string[]> {
		const file = path.join(this.userFolder, 'export-nodes.json');
		await this.cliOk(['export:nodes', `--output=${file}`]);
		const types = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ name: string }>;
		return types.map((type) => type.name);
	}

	// --- REST (cookie) and public API (API key) --------------------------------------------------------------------

	private async request(
		method: string,
		urlPath: string,
		{ body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
	): Promise<{ status: number; json: unknown; text: string; response: Response }> {
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body !== undefined ? JSON.stringify(body) : undefined,
		});
		const text = await response.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text, response };
	}

	/** POST /rest/login as the owner; keeps the n8n-auth cookie for rest(). */
	async login(): Promise<string> {
		const { status, text, response } = await this.request('POST', '/rest/login', {
			body: { emailOrLdapLoginId: this.owner.email, password: this.owner.password },
		});
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (status !== 200 || !cookie)
			throw new Error(`POST /rest/login → ${status}: ${text.slice(0, 500)}`);
		this.cookie = cookie.split(';')[0];
		return this.cookie;
	}

	/** Internal REST API (/rest/…, /types/…) as the logged-in owner; returns the body's `data` when present. */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		if (!this.cookie) await this.login();
		const { status, json, text } = await this.request(method, urlPath, {
			body,
			headers: { cookie: this.cookie! },
		});
		if (status < 200 || status >= 300)
			throw new Error(`${method} ${urlPath} → ${status}: ${text.slice(0, 500)}`);
		const wrapped = json as { data?: T } | undefined;
		return (wrapped && typeof wrapped === 'object' && 'data' in wrapped ? wrapped.data : json) as T;
	}

	/** Creates (once) an API key with every scope the owner may grant. */
	async createApiKey(label = 'e2e'): Promise<string> {
		if (this.apiKey) return this.apiKey;
		const scopes = await this.rest<string[]>('GET', '/rest/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/rest/api-keys', {
			label,
			scopes,
			expiresAt: null,
		});
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	/** Public API (/api/v1/…) with the API key; returns the status and parsed body without throwing. */
	async apiRaw(
		method: string,
		urlPath: string,
		body?: unknown,
	): Promise<{ status: number; json: unknown; text: string }> {
		const key = await this.createApiKey();
		const { status, json, text } = await this.request(method, `/api/v1${urlPath}`, {
			body,
			headers: { 'x-n8n-api-key': key },
		});
		return { status, json, text };
	}

	/** Public API call that must succeed (2xx). */
	async api<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const { status, json, text } = await this.apiRaw(method, urlPath, body);
		if (status < 200 || status >= 300)
			throw new Error(`${method} /api/v1${urlPath} → ${status}: ${text.slice(0, 500)}`);
		return json as T;
	}

	/** Publishes (activates) a workflow. Asynchronous in n8n 2.x: poll for the webhook/trigger effect afterwards. */
	async publishWorkflow(id: string): Promise<void> {
		await this.api(
			'POST',
			`/workflows/${encodeURIComponent(id)}/${n8nMajor() < 2 ? 'activate' : 'publish'}`,
			{},
		);
	}

	async unpublishWorkflow(id: string): Promise<void> {
		await this.api(
			'POST',
			`/workflows/${encodeURIComponent(id)}/${n8nMajor() < 2 ? 'deactivate' : 'unpublish'}`,
		);
	}

	async listExecutions(
		query: { workflowId?: string; status?: string; includeData?: boolean; limit?: number } = {},
	): Promise<
		Array<{
			id: string;
			workflowId: string;
			status: string;
			mode: string;
			finished: boolean;
			data?: ExecutionRun['data'];
		}>
	> {
		const params = new URLSearchParams();
		for (const [key, value] of Object.entries(query))
			if (value !== undefined) params.set(key, String(value));
		const page = await this.api<{
			data: Array<{
				id: string | number;
				workflowId: string;
				status: string;
				mode: string;
				finished: boolean;
				data?: ExecutionRun['data'];
			}>;
		}>('GET', `/executions?${params.toString()}`);
		return page.data.map((execution) => ({ ...execution, id: String(execution.id) }));
	}

	/** Every execution the query matches, page after page (the public API answers at most 250 at a time). */
	async allExecutions(query: { workflowId?: string; status?: string; includeData?: boolean } = {}) {
		const all: Awaited<ReturnType<N8nInstance['listExecutions']>> = [];
		let cursor: string | undefined;
		do {
			const params = new URLSearchParams({ limit: '250' });
			for (const [key, value] of Object.entries(query))
				if (value !== undefined) params.set(key, String(value));
			if (cursor) params.set('cursor', cursor);
			const page = await this.api<{
				data: Awaited<ReturnType<N8nInstance['listExecutions']>>;
				nextCursor?: string | null;
			}>('GET', `/executions?${params.toString()}`);
			all.push(...page.data.map((execution) => ({ ...execution, id: String(execution.id) })));
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	/** Node type names the running server serves to the editor (GET /types/nodes.json, needs the login cookie). */
	async serverNodeTypes(): Promise<string[]> {
		const types = await this.rest<Array<{ name: string }>>('GET', '/types/nodes.json');
		return types.map((type) => type.name);
	}

	async serverCredentialTypes(): Promise<string[]> {
		const types = await this.rest<Array<{ name: string }>>('GET', '/types/credentials.json');
		return types.map((type) => type.name);
	}

	/**
	 * n8n only logs a package that fails to load, so assert the type names. Uses the running server when there is one,
	 * else `n8n export:nodes`.
	 */
	async assertPackageLoaded(
		nodeTypes = PACKAGE_NODE_TYPES,
		credentialTypes = PACKAGE_CREDENTIAL_TYPES,
	): Promise<void> {
		const loaded = this.running ? await this.serverNodeTypes() : await this.exportNodeTypes();
		const missing = nodeTypes.filter((type) => !loaded.includes(type));
		if (this.running) {
			const credentials = await this.serverCredentialTypes();
			missing.push(
				...credentialTypes
					.filter((type) => !credentials.includes(type))
					.map((type) => `credential ${type}`),
			);
		}
		if (missing.length) {
			const ours = loaded.filter((type) => type.startsWith(`${PACKAGE_NAME}.`));
			const logs = [this.serverLog, this.cliLog]
				.map((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''))
				.join('\n')
				.split('\n')
				.filter((line) => /Failed to load|n8n-nodes-huechat/i.test(line))
				.slice(-20)
				.join('\n');
			throw new Error(
				`Package types missing in n8n: ${missing.join(', ')} (loaded from ${PACKAGE_NAME}: ${ours.join(', ') || 'none'})\n${logs}`,
			);
		}
	}
}
