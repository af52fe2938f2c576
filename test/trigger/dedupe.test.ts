/**
 * The dedupe layers as two n8n processes see them (queue mode: main and a webhook process). Each process has its own
 * module instance (its own in-process memory); the "database" is a static data blob each call loads as a copy and
 * saves whole, last writer wins, as n8n does.
 */
import type { IDataObject } from 'n8n-workflow';

type Dedupe = typeof import('../../nodes/HueChatTrigger/dedupe');

async function processInstance(): Promise<Dedupe> {
	let instance: Dedupe | undefined;
	await jest.isolateModulesAsync(async () => {
		instance = await import('../../nodes/HueChatTrigger/dedupe');
	});
	return instance!;
}

const TRIGGER = 'wf1|node1';
const NOW = 1_800_000_000;

describe('dedupe across processes', () => {
	let database: IDataObject;
	const load = (): IDataObject => JSON.parse(JSON.stringify(database)) as IDataObject;
	/** One webhook call on `proc`: load, check, save (a duplicate changes nothing, as n8n then saves nothing new). */
	const deliver = (proc: Dedupe, key: string, at = NOW): boolean => {
		const staticData = load();
		const duplicate = proc.seenBefore(TRIGGER, staticData, key, at);
		database = staticData;
		return duplicate;
	};

	beforeEach(() => {
		database = {};
	});

	it('a copy landing on the other process after the first was saved is a duplicate', async () => {
		const [main, webhook] = [await processInstance(), await processInstance()];
		expect(deliver(webhook, 'production:a')).toBe(false);
		expect(deliver(main, 'production:a')).toBe(true);
		expect(deliver(webhook, 'production:a')).toBe(true);
	});

	it('two processes saving in turn keep each other’s ids; a save that raced is repaired by the next one', async () => {
		const [main, webhook] = [await processInstance(), await processInstance()];
		const stale = load();
		expect(deliver(main, 'production:m1')).toBe(false);
		// the webhook process loaded before main saved: its save drops m1 from the database…
		expect(webhook.seenBefore(TRIGGER, stale, 'production:w1', NOW)).toBe(false);
		database = stale;
		expect(Object.keys(database.seen as object)).toEqual(['production:w1']);
		// …and main's next save puts it back with what it remembers
		expect(deliver(main, 'production:m2', NOW + 1)).toBe(false);
		expect(Object.keys(database.seen as object).sort()).toEqual(['production:m1', 'production:m2', 'production:w1']);
		expect(deliver(webhook, 'production:m1', NOW + 2)).toBe(true);
		expect(deliver(main, 'production:w1', NOW + 2)).toBe(true);
	});

	it('an expired id starts a new execution; its newer sighting is what is saved', async () => {
		const proc = await processInstance();
		expect(deliver(proc, 'production:old')).toBe(false);
		const later = NOW + proc.DEDUPE_TTL_SECONDS + 1;
		expect(deliver(await processInstance(), 'production:old', later)).toBe(false);
		expect(deliver(proc, 'production:new', later)).toBe(false);
		expect(Object.keys(database.seen as object).sort()).toEqual(['production:new', 'production:old']);
		expect((database.seen as Record<string, number>)['production:old']).toBe(later);
	});
});
