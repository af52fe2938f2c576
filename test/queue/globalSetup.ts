/**
 * jest.queue.config.js globalSetup: one Redis for the whole queue-mode run (each n8n instance gets its own Bull
 * prefix on it). Its address reaches the test files as HUECHAT_QUEUE_REDIS=host:port (workers inherit the env).
 */
import { startRedis, type Redis } from './redis';

export default async function globalSetup(): Promise<void> {
	const redis = await startRedis('queue.redis');
	(globalThis as { huechatQueueRedis?: Redis }).huechatQueueRedis = redis;
	process.env.HUECHAT_QUEUE_REDIS = `${redis.host}:${redis.port}`;
	process.stdout.write(`\n[queue] redis-server on ${redis.host}:${redis.port} (no persistence)\n`);
}
