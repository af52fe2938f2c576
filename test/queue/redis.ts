/**
 * A throw-away Redis for n8n's queue mode: Debian's `redis-server` (installed by `sh scripts/run.sh queue|bench` when
 * missing) on 127.0.0.1 and a free port, no persistence (no RDB, no AOF), its files in a temporary folder. Stopped
 * with stop(), or killed when this process exits.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort, LOG_DIR, waitFor } from '../e2e/harness';

export interface Redis {
	host: string;
	port: number;
	/** RESP command, e.g. ['DBSIZE']; answers the raw reply line. */
	command(args: string[]): Promise<string>;
	stop(): Promise<void>;
}

export function redisServerBinary(): string {
	const candidates = [
		process.env.REDIS_SERVER,
		'/usr/bin/redis-server',
		'/usr/local/bin/redis-server',
	];
	for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
	try {
		return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error(
			'redis-server not found: `sh scripts/run.sh queue` installs it (apt-get install redis-server)',
		);
	}
}

function send(port: number, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2_000, () => socket.destroy(new Error('redis did not answer')));
		socket.on('connect', () =>
			socket.write(
				`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
			),
		);
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.endsWith('\r\n')) {
				socket.end();
				resolve(reply.trim());
			}
		});
		socket.on('error', reject);
	});
}

export async function startRedis(name = 'redis'): Promise<Redis> {
	const binary = redisServerBinary();
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huechat-redis-'));
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const log = path.join(LOG_DIR, `${name}.log`);
	const out = fs.openSync(log, 'w');
	const child: ChildProcess = spawn(
		binary,
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String(port),
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
			'--loglevel',
			'warning',
		],
		{ stdio: ['ignore', out, out] },
	);
	fs.closeSync(out);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	await waitFor(
		`redis-server on 127.0.0.1:${port}`,
		async () => {
			if (child.exitCode !== null)
				throw new Error(
					`redis-server exited ${child.exitCode}: ${fs.readFileSync(log, 'utf8').slice(-500)}`,
				);
			return (await send(port, ['PING']).catch(() => '')) === '+PONG';
		},
		{ timeoutMs: 15_000, intervalMs: 100 },
	);
	return {
		host: '127.0.0.1',
		port,
		command: (args) => send(port, args),
		stop: async () => {
			process.removeListener('exit', killOnExit);
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
				await exited;
				clearTimeout(timer);
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
