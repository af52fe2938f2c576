/**
 * Fault storm: > 1,000 operations (message and contact creates, contact updates, list pages) through the routing
 * engine while the simulator injects 429 bursts, 5xx, latency, connections dropped before the request is handled
 * and after it took effect (the answer lost). Every input item must come out, in order, either done or with a
 * clear error, and the store must hold no record twice.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { recordFigures } from './figures';

let fx: SimulatorFixture;

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.sim.close());

/** Deterministic PRNG so a failing storm can be replayed. */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const CLEAR_ERROR = /^(HueChat \d{3}: .+|Could not reach HueChat \(E[A-Z_]+\))$/;

interface Tally {
	operations: number;
	lost: number;
	unclear: string[];
}

function check(tally: Tally, inputs: number, output: INodeExecutionData[]): void {
	tally.lost += inputs - output.length;
	output.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		if (item.error && !CLEAR_ERROR.test(item.error.message)) tally.unclear.push(item.error.message);
		if (!item.error) expect(item.json.id).toEqual(expect.any(Number));
	});
}

it('loses no item and duplicates no record under injected faults', async () => {
	const random = prng(20261129);
	const tally: Tally = { operations: 0, lost: 0, unclear: [] };
	let faultsInjected = 0;
	const run = (parameters: Record<string, unknown>, items: Array<Record<string, unknown>>) =>
		runHueChat({
			credentials: fx.credentials,
			parameters: parameters as never,
			items: items as never,
			continueOnFail: true,
		});

	for (let round = 0; round < 12; round++) {
		const kinds = [
			{ kind: 'status', status: 500 },
			{ kind: 'status', status: 502 },
			{ kind: 'status', status: 503 },
			{ kind: 'status', status: 504 },
			{ kind: 'drop' },
			{ kind: 'dropAfter' },
			{ kind: 'latency', latencyMs: 150 },
			...(round % 3 === 0 ? [{ kind: 'status', status: 429, retryAfter: 1 }] : []),
		];
		for (let n = 0; n < 5; n++) {
			const spec = kinds[Math.floor(random() * kinds.length)];
			const count = 1 + Math.floor(random() * 2);
			const path = random() < 0.5 ? '/messages' : '/contacts';
			await fx.sim.control.addFault({ ...spec, count, path } as never);
			faultsInjected += count;
		}

		const messages = Array.from({ length: 40 }, (_, i) => ({
			conversation: 1 + ((round * 40 + i) % 20),
			text: `storm ${round}-${i}`,
		}));
		const messageRun = await run(
			{
				resource: 'message',
				operation: 'create',
				conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
				messageContent: '={{ $json.text }}',
			},
			messages,
		);
		check(tally, messages.length, messageRun.items);

		const contacts = Array.from({ length: 20 }, (_, i) => ({
			email: `storm-${round}-${i}@example.com`,
		}));
		const contactRun = await run(
			{
				resource: 'contact',
				operation: 'create',
				contactName: 'Storm',
				contactFields: { email: '={{ $json.email }}' },
			},
			contacts,
		);
		check(tally, contacts.length, contactRun.items);

		const updates = Array.from({ length: 20 }, (_, i) => ({ id: 1 + round * 20 + i }));
		const updateRun = await run(
			{
				resource: 'contact',
				operation: 'update',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				contactUpdateFields: { name: '={{ "Updated " + $json.id }}' },
				simplify: false,
			},
			updates,
		);
		check(tally, updates.length, updateRun.items);

		const pages = await run(
			{ resource: 'contact', operation: 'getAll', returnAll: false, limit: 150, simplify: false },
			[{}],
		);
		expect(pages.items.filter((item) => item.error)).toEqual([]);
		expect(new Set(pages.items.map((item) => item.json.id)).size).toBe(150);

		tally.operations += messages.length + contacts.length + updates.length + 10;
		faultsInjected -= (await fx.sim.control.faults()).reduce(
			(sum: number, fault: { remaining: number }) => sum + fault.remaining,
			0,
		);
		await fx.sim.control.clearFaults();
	}

	const stored = (await fx.sim.control.collection('messages')) as Array<{ content: string }>;
	const stormMessages = stored.filter((m) => m.content?.startsWith('storm '));
	const messageDuplicates =
		stormMessages.length - new Set(stormMessages.map((m) => m.content)).size;
	const contacts = (await fx.sim.control.collection('contacts')) as Array<{ email: string | null }>;
	const stormContacts = contacts.filter((c) => c.email?.startsWith('storm-'));
	const contactDuplicates = stormContacts.length - new Set(stormContacts.map((c) => c.email)).size;

	recordFigures({
		'operations tried': tally.operations,
		'faults injected': faultsInjected,
		'items lost': tally.lost,
		duplicates: messageDuplicates + contactDuplicates,
	});
	expect(tally.operations).toBeGreaterThanOrEqual(1_000);
	expect(faultsInjected).toBeGreaterThan(50);
	expect(tally.lost).toBe(0);
	expect(tally.unclear).toEqual([]);
	expect(messageDuplicates + contactDuplicates).toBe(0);
});
