/**
 * The dedupe layers as n8n processes see them (queue mode: main and a webhook process; or one process before and
 * after a restart). Each process has its own module instance (its own memory); the "database" is the static data
 * blob each call loads as a copy and saves whole with JSON.stringify, last writer wins, as n8n does.
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

describe('dedupe across processes and restarts', () => {
	let database: string;
	const load = (): IDataObject => JSON.parse(database) as IDataObject;
	const save = (staticData: IDataObject) => {
		database = JSON.stringify(staticData);
	};
	/** One webhook call on `proc` whose execution is recorded (or not): load, claim, settle, save. */
	const deliver = (proc: Dedupe, key: string, at = NOW, recorded = true): string => {
		const staticData = load();
		const claim = proc.claimDelivery(TRIGGER, staticData, key, at);
		if (claim.verdict === 'new') {
			claim.settle(recorded);
			if (recorded) save(staticData);
		}
		return claim.verdict;
	};
	const remembered = () => {
		const seen = load().seen as { buckets: Array<[number, string]> };
		return seen.buckets.reduce(
			(count, [, encoded]) => count + Buffer.from(encoded, 'base64').length / 8,
			0,
		);
	};

	beforeEach(() => {
		database = '{}';
	});

	it('a copy landing on the other process (or after a restart) once the first was saved is a duplicate', async () => {
		const [main, webhook] = [await processInstance(), await processInstance()];
		expect(deliver(webhook, 'production:a')).toBe('new');
		expect(deliver(main, 'production:a')).toBe('duplicate');
		expect(deliver(await processInstance(), 'production:a')).toBe('duplicate');
	});

	it('a copy arriving while the first is being recorded is asked back, then is a duplicate', async () => {
		const proc = await processInstance();
		const first = proc.claimDelivery(TRIGGER, load(), 'production:b', NOW);
		expect(proc.claimDelivery(TRIGGER, load(), 'production:b', NOW).verdict).toBe('in-progress');
		if (first.verdict !== 'new') throw new Error('expected a new claim');
		first.settle(true);
		expect(proc.claimDelivery(TRIGGER, load(), 'production:b', NOW).verdict).toBe('duplicate');
	});

	it('two saves that raced: the id the losing save dropped is put back by the next save of that process', async () => {
		const [main, webhook] = [await processInstance(), await processInstance()];
		const stale = load();
		expect(deliver(main, 'production:m1')).toBe('new');
		// the webhook process loaded before main saved: its save drops m1 from the database…
		const claim = webhook.claimDelivery(TRIGGER, stale, 'production:w1', NOW);
		if (claim.verdict === 'new') claim.settle(true);
		save(stale);
		expect(remembered()).toBe(1);
		// a process that never saw m1 would run it again now (looked at without saving)…
		expect(
			(await processInstance()).claimDelivery(TRIGGER, load(), 'production:m1', NOW).verdict,
		).toBe('new');
		// …until main's next save puts it back with everything it remembers
		expect(deliver(main, 'production:m2', NOW + 1)).toBe('new');
		const restarted = await processInstance();
		for (const key of ['production:m1', 'production:m2', 'production:w1'])
			expect(deliver(restarted, key, NOW + 2)).toBe('duplicate');
	});

	it('after a restart, a copy on no record that was signed before the restart is asked for again; a fresh attempt runs', async () => {
		const [main, webhook] = [await processInstance(), await processInstance()];
		// main recorded m1 (signed at NOW), then the webhook process, which had loaded before, saved over it
		const stale = load();
		const staticData = load();
		const claim = main.claimDelivery(TRIGGER, staticData, 'production:m1', NOW, NOW);
		if (claim.verdict !== 'new') throw new Error('expected a new claim');
		claim.settle(true);
		save(staticData);
		const racing = webhook.claimDelivery(TRIGGER, stale, 'production:w1', NOW, NOW);
		if (racing.verdict === 'new') racing.settle(true);
		save(stale);
		// every process restarted 30 s later: m1 is on no record
		const restarted = await processInstance();
		const later = NOW + 30;
		const copy = (key: string, signedAt: number) =>
			restarted.claimDelivery(TRIGGER, load(), key, later, signedAt).verdict;
		expect(copy('production:w1', NOW)).toBe('duplicate');
		expect(copy('production:m1', NOW)).toBe('signed-before-memory');
		// signed in the seconds before the restarted process's first delivery (as an attempt on its way) is still run
		expect(copy('production:n1', later - 2)).toBe('new');
		// HueChat signs its next attempt anew: that one runs, once
		expect(copy('production:m1', later + 5)).toBe('new');
		// v1 account webhooks are not retried: no signing time is given, nothing is asked for again
		expect(restarted.claimDelivery(TRIGGER, load(), 'production:v1', later).verdict).toBe('new');
	});

	it('an execution n8n failed to record is forgotten: its retry runs, even where a save already carried it', async () => {
		const proc = await processInstance();
		const staticData = load();
		const claim = proc.claimDelivery(TRIGGER, staticData, 'production:f', NOW);
		// another delivery's save carried the pending claim to the database
		save(staticData);
		if (claim.verdict === 'new') claim.settle(false);
		expect(deliver(proc, 'production:f')).toBe('new');
		expect(deliver(proc, 'production:f')).toBe('duplicate');
	});

	it(`keeps the newest ${10_000} events of the last 24 hours in about 110 kB; older ones run again`, async () => {
		const proc = await processInstance();
		const total = 10_050;
		for (let n = 0; n < total; n++)
			expect(deliver(proc, `production:e${n}`, NOW + Math.floor(n / 2))).toBe('new');
		expect(remembered()).toBe(proc.MAX_REMEMBERED);
		const size = Buffer.byteLength(database);
		process.stdout.write(`[dedupe] static data for ${proc.MAX_REMEMBERED} events: ${size} bytes\n`);
		expect(size).toBeLessThan(120_000);
		const restarted = await processInstance();
		for (const n of [50, 5000, total - 1])
			expect(deliver(restarted, `production:e${n}`, NOW + 6000)).toBe('duplicate');
		expect(deliver(restarted, 'production:e49', NOW + 6000)).toBe('new');
	});

	it('after 24 hours an event id is forgotten; the format of the earlier release is still read', async () => {
		const proc = await processInstance();
		expect(deliver(proc, 'production:old')).toBe('new');
		const later = NOW + proc.DEDUPE_TTL_SECONDS + 3601;
		expect(deliver(await processInstance(), 'production:old', later)).toBe('new');
		database = JSON.stringify({ seen: { 'production:legacy': NOW } });
		expect(deliver(await processInstance(), 'production:legacy', NOW + 10)).toBe('duplicate');
	});
	it('4,000 deliveries over 33 hours on two processes with restarts, 10 % not recorded: every verdict as a plain model says', async () => {
		// the hours static data does not change are reused, not re-encoded: this walks through many hours, saves that
		// carry pending claims, withdrawals and restarts, and checks each verdict against a record of what was recorded
		let seed = 12;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		const processes = [await processInstance(), await processInstance()];
		const recordedAt = new Map<string, number>();
		const ever: string[] = [];
		let now = NOW;
		let checked = 0;
		for (let n = 0; n < 4_000; n++) {
			now += Math.floor(random() * 60);
			if (n % 500 === 499) processes[n % 2] = await processInstance();
			const proc = processes[Math.floor(random() * 2)];
			const key =
				random() < 0.3 && ever.length > 0
					? ever[Math.floor(random() * ever.length)]
					: `production:k${n}`;
			if (!ever.includes(key)) ever.push(key);
			const at = recordedAt.get(key);
			const expected =
				at === undefined
					? 'new'
					: now - at < proc.DEDUPE_TTL_SECONDS - 3_600
						? 'duplicate'
						: undefined;
			const staticData = load();
			const claim = proc.claimDelivery(TRIGGER, staticData, key, now);
			if (expected !== undefined) {
				expect({ n, key, verdict: claim.verdict }).toEqual({ n, key, verdict: expected });
				checked++;
			}
			if (claim.verdict !== 'new') continue;
			const recorded = random() >= 0.1;
			if (!recorded && random() < 0.5) save(staticData); // the pending claim reached the database first
			claim.settle(recorded);
			if (recorded) {
				save(staticData);
				recordedAt.set(key, now);
			}
		}
		expect(checked).toBeGreaterThan(3_500);
	});
});
