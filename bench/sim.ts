/** Starts bench/simProcess.ts in a child process and talks to it through the simulator's HTTP control surface. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';

import { LOG_DIR, nodeBinary } from '../test/e2e/harness';

export interface SimRequest {
	seq: number;
	time: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	status: number | null;
}

export interface SimChild {
	url: string;
	accountId: number;
	pid: number;
	createKey(options: { rpm: number; scopes?: string[] }): Promise<string>;
	/** Forgets the request log (sequence numbers go on). */
	clearRequests(): Promise<void>;
	/** Requests after `since` (headers and bodies left out). */
	requests(since: number): Promise<SimRequest[]>;
	collection<T>(name: string): Promise<T[]>;
	control<T>(method: string, rest: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

export async function startSimChild(options: {
	contacts: number;
	deals: number;
	windowSeconds: number;
}): Promise<SimChild> {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const errLog = path.join(LOG_DIR, 'bench.simulator.log');
	const err = fs.openSync(errLog, 'w');
	const child: ChildProcess = spawn(
		nodeBinary(),
		[
			path.join(__dirname, 'run.cjs'),
			'simProcess',
			'--contacts',
			String(options.contacts),
			'--deals',
			String(options.deals),
			'--window-seconds',
			String(options.windowSeconds),
		],
		{ stdio: ['ignore', 'pipe', err] },
	);
	fs.closeSync(err);
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const ready = await new Promise<{ url: string; accountId: number }>((resolve, reject) => {
		const lines = readline.createInterface({ input: child.stdout! });
		lines.once('line', (line) => resolve(JSON.parse(line) as { url: string; accountId: number }));
		child.once('exit', (code) =>
			reject(
				new Error(
					`the bench simulator exited ${code}: ${fs.readFileSync(errLog, 'utf8').slice(-1000)}`,
				),
			),
		);
	});
	const control = async <T>(method: string, rest: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${ready.url}/__sim/${rest}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /__sim/${rest} → ${response.status} ${text.slice(0, 300)}`);
		return (text ? JSON.parse(text) : undefined) as T;
	};
	const requests = async (since: number): Promise<SimRequest[]> => {
		const { requests: all } = await control<{
			requests: Array<SimRequest & { headers?: unknown; body?: unknown }>;
		}>('GET', `requests?since=${since}`);
		return all.map(({ seq, time, method, path: p, query, status }) => ({
			seq,
			time,
			method,
			path: p,
			query,
			status,
		}));
	};
	return {
		url: ready.url,
		accountId: ready.accountId,
		pid: child.pid!,
		control,
		createKey: async ({ rpm, scopes = ['*'] }) =>
			(await control<{ token: string }>('POST', 'keys', { rpm, scopes })).token,
		clearRequests: async () => {
			await control('DELETE', 'requests');
		},
		requests,
		collection: async <T>(name: string) => await control<T[]>('GET', `store/${name}`),
		stop: async () => {
			process.removeListener('exit', killOnExit);
			if (child.exitCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		},
	};
}
