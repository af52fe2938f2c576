/** jest.queue.config.js globalTeardown: stops the Redis globalSetup started. */
import type { Redis } from './redis';

export default async function globalTeardown(): Promise<void> {
	await (globalThis as { huechatQueueRedis?: Redis }).huechatQueueRedis?.stop();
}
