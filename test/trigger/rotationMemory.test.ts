import { RotationMemory } from '../../nodes/HueChatTrigger/subscriptions';

const secrets = (secret: string, rotatedAt: number) => ({ secret, rotatedAt, retiredSecrets: [] });

describe('RotationMemory: what the trigger keeps of its own rotations, bounded', () => {
	it('keeps the newest rotated secrets of a subscription for the calls that loaded older static data', async () => {
		const memory = new RotationMemory();
		memory.start('t|1', Promise.resolve(), 100);
		memory.finish('t|1', secrets('whsec_new', 100));
		expect(memory.latest('t|1')).toEqual(secrets('whsec_new', 100));
		expect(memory.latest('t|2')).toBeUndefined();
	});

	it('forgets rotations older than the time n8n takes to save them, oldest first', () => {
		const memory = new RotationMemory(3_600, 1_000);
		memory.start('t|old', Promise.resolve(), 0);
		memory.finish('t|old', secrets('a', 0));
		memory.start('t|recent', Promise.resolve(), 3_000);
		memory.finish('t|recent', secrets('b', 3_000));
		memory.start('t|now', Promise.resolve(), 4_000);
		memory.finish('t|now', secrets('c', 4_000));
		expect(memory.latest('t|old')).toBeUndefined();
		expect(memory.latest('t|recent')).toEqual(secrets('b', 3_000));
		expect(memory.size).toBe(2);
	});

	it('holds at most `most` subscriptions however many rotate within the hour, never one still rotating', () => {
		const memory = new RotationMemory(3_600, 100);
		const stillRotating = new Promise<void>(() => undefined);
		memory.start('t|busy', stillRotating, 0);
		for (let n = 0; n < 5_000; n++) {
			memory.start(`t|${n}`, Promise.resolve(), n / 10);
			memory.finish(`t|${n}`, secrets(`s${n}`, n / 10));
		}
		expect(memory.size).toBeLessThanOrEqual(101);
		expect(memory.running('t|busy')).toBe(stillRotating);
		expect(memory.latest('t|4999')).toEqual(secrets('s4999', 499.9));
		expect(memory.latest('t|0')).toBeUndefined();
	});
});
