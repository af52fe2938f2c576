/**
 * jest.queue.config.js globalTeardown: stops the Redis and the PostgreSQL globalSetup started, and prints whether any
 * n8n process of the run logged a PostgreSQL version warning (n8n 2.41.1 warns below 17: "Postgres 15 is not
 * supported …", "Postgres 16 is outside the supported range …").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { LOG_DIR } from '../e2e/harness';
import type { Postgres } from './postgres';
import type { Redis } from './redis';

function postgresWarnings(since: number): string[] {
	if (!fs.existsSync(LOG_DIR)) return [];
	const warnings = new Set<string>();
	for (const file of fs.readdirSync(LOG_DIR).filter((f) => f.endsWith('.log'))) {
		const full = path.join(LOG_DIR, file);
		if (fs.statSync(full).mtimeMs < since) continue;
		for (const match of fs
			.readFileSync(full, 'utf8')
			.matchAll(/Postgres \d+ is (?:not supported|outside the supported range)[^\n]*/g)) {
			warnings.add(`${file}: ${match[0]}`);
		}
	}
	return [...warnings];
}

export default async function globalTeardown(): Promise<void> {
	const shared = globalThis as {
		huechatQueueRedis?: Redis;
		huechatQueuePostgres?: Postgres;
		huechatQueueStarted?: number;
	};
	await Promise.all([shared.huechatQueueRedis?.stop(), shared.huechatQueuePostgres?.stop()]);
	if (shared.huechatQueuePostgres) {
		const warnings = postgresWarnings(shared.huechatQueueStarted ?? 0);
		process.stdout.write(
			warnings.length
				? `[queue] n8n warned about PostgreSQL ${shared.huechatQueuePostgres.version}:\n${warnings.join('\n')}\n`
				: `[queue] n8n's logs: no PostgreSQL version warning (PostgreSQL ${shared.huechatQueuePostgres.version})\n`,
		);
	}
}
