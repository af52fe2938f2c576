/**
 * The trigger's webhookMethods (checkExists / create / delete) through n8n-core's HookContext against the simulator:
 * every scenario must end with exactly one correct subscription while active and none after deactivation.
 */
import type { OutboundWebhookRecord } from '../../simulator/store.ts';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { TriggerWorkflow } from './harness';

let fx: SimulatorFixture;
const open: TriggerWorkflow[] = [];

beforeAll(async () => {
	fx = await startFixture({ contacts: 20, delivery: { retryBaseMs: 5, maxAttempts: 3 } });
});
afterAll(async () => {
	await fx.sim.delivery.settled();
	await fx.sim.close();
});
beforeEach(() => {
	fx.sim.store.outbound_webhooks.clear();
	fx.sim.store.account_webhooks.clear();
});
afterEach(async () => {
	await fx.sim.delivery.settled();
	for (const workflow of open.splice(0)) await workflow.close();
});

function workflow(
	parameters: Record<string, unknown> = { events: ['message.created'] },
	options: ConstructorParameters<typeof TriggerWorkflow>[2] = {},
): TriggerWorkflow {
	const created = new TriggerWorkflow(fx.credentials, parameters as never, options);
	open.push(created);
	return created;
}

const v2Subscriptions = (): OutboundWebhookRecord[] => [...fx.sim.store.outbound_webhooks.values()];
const v1Subscriptions = () => [...fx.sim.store.account_webhooks.values()];
const registration = (wf: TriggerWorkflow, slot = 'production') =>
	(wf.staticData.subscriptions as Record<string, Record<string, unknown>>)?.[slot];

async function createMessage(
	content = 'Hello from the simulator',
	conversationId = 1,
): Promise<number> {
	const response = await fetch(
		`${fx.sim.url}/api/v1/accounts/1/conversations/${conversationId}/messages`,
		{
			method: 'POST',
			headers: { api_access_token: fx.credentials.apiToken, 'content-type': 'application/json' },
			body: JSON.stringify({ content }),
		},
	);
	expect(response.status).toBe(201);
	return ((await response.json()) as { id: number }).id;
}

describe('HueChat Trigger lifecycle (v2 outbound webhooks)', () => {
	it('activation creates exactly one subscription for this URL and these events, and keeps its id and secret', async () => {
		const wf = workflow({ events: ['message.created', 'conversation.status_changed'] });
		await wf.activate();
		const subscriptions = v2Subscriptions();
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({
			url: wf.url(),
			events: ['conversation.status_changed', 'message.created'],
			active: true,
		});
		expect(registration(wf)).toEqual({
			api: 'v2',
			id: subscriptions[0].id,
			url: wf.url(),
			events: ['conversation.status_changed', 'message.created'],
			secret: subscriptions[0].secret,
		});
	});

	it('a message created through the API reaches the workflow once, verified', async () => {
		const wf = workflow();
		await wf.activate();
		const messageId = await createMessage();
		await fx.sim.delivery.settled();
		expect(wf.executions).toHaveLength(1);
		const [item] = wf.executions[0].items;
		expect(item.json).toMatchObject({
			event: 'message.created',
			account_id: 1,
			data: { id: messageId, content: 'Hello from the simulator' },
		});
		expect(item.json.id).toEqual(fx.sim.delivery.log().at(-1)?.delivery_id);
		expect(wf.answers.map((a) => a.status)).toEqual([200]);
	});

	it('checkExists confirms a live subscription (n8n restarting): nothing is created or deleted', async () => {
		const wf = workflow();
		await wf.activate();
		const before = v2Subscriptions();
		await fx.clearRequests();
		await wf.activate();
		expect(v2Subscriptions()).toEqual(before);
		expect((await fx.requests()).map((r) => r.method)).toEqual(['GET']);
	});

	it('a subscription deleted in HueChat meanwhile is recreated, once', async () => {
		const wf = workflow();
		await wf.activate();
		fx.sim.store.outbound_webhooks.clear();
		await wf.activate();
		const subscriptions = v2Subscriptions();
		expect(subscriptions).toHaveLength(1);
		expect(registration(wf)).toMatchObject({
			id: subscriptions[0].id,
			secret: subscriptions[0].secret,
		});
		await createMessage();
		await fx.sim.delivery.settled();
		expect(wf.executions).toHaveLength(1);
	});

	it('editing the event list while active updates the same subscription (same id and secret)', async () => {
		const wf = workflow({ events: ['message.created'] });
		await wf.activate();
		const [before] = v2Subscriptions();
		wf.setParameters({ events: ['contact.created', 'deal.won'] });
		await wf.activate();
		const after = v2Subscriptions();
		expect(after).toHaveLength(1);
		expect(after[0]).toMatchObject({
			id: before.id,
			secret: before.secret,
			events: ['contact.created', 'deal.won'],
		});
		// and the republish path (deactivate the old version, activate the new) ends the same way
		await wf.deactivate();
		wf.setParameters({ events: ['*'] });
		await wf.activate();
		expect(v2Subscriptions().map((s) => s.events)).toEqual([['*']]);
	});

	it('a paused subscription is switched back on', async () => {
		const wf = workflow();
		await wf.activate();
		const [subscription] = v2Subscriptions();
		subscription.active = false;
		await wf.activate();
		expect(v2Subscriptions()).toEqual([
			expect.objectContaining({ id: subscription.id, active: true }),
		]);
	});

	it('a duplicated workflow (static data copied, another URL) never deletes the original’s subscription', async () => {
		const original = workflow();
		await original.activate();
		const [originals] = v2Subscriptions();
		const copy = workflow(
			{ events: ['message.created'] },
			{ staticData: original.workflow.staticData },
		);
		expect(registration(copy)).toMatchObject({ id: originals.id });
		await copy.activate();
		expect(v2Subscriptions()).toHaveLength(2);
		expect(registration(copy)?.id).not.toBe(originals.id);
		await copy.deactivate();
		expect(v2Subscriptions()).toEqual([
			expect.objectContaining({ id: originals.id, secret: originals.secret, url: original.url() }),
		]);
		// a copy deactivated before it ever activated touches nothing either
		const neverActive = workflow(
			{ events: ['message.created'] },
			{ staticData: original.workflow.staticData },
		);
		await neverActive.listen();
		await neverActive.deactivate();
		expect(v2Subscriptions().map((s) => s.id)).toEqual([originals.id]);
		await createMessage();
		await fx.sim.delivery.settled();
		expect(original.executions).toHaveLength(1);
		await original.deactivate();
		expect(v2Subscriptions()).toEqual([]);
	});

	it('a subscription re-pointed elsewhere in HueChat is left alone; a new one is made for this URL', async () => {
		const wf = workflow();
		await wf.activate();
		const [repointed] = v2Subscriptions();
		repointed.url = 'https://elsewhere.example.com/hook';
		await wf.activate();
		expect(
			v2Subscriptions()
				.map((s) => s.url)
				.sort(),
		).toEqual(['https://elsewhere.example.com/hook', wf.url()].sort());
		await wf.deactivate();
		expect(v2Subscriptions().map((s) => s.id)).toEqual([repointed.id]);
	});

	it('leftovers for this URL (static data lost) are removed on activation: exactly one remains', async () => {
		const wf = workflow();
		await wf.activate();
		await wf.activate();
		delete wf.staticData.subscriptions; // as if n8n lost the static data
		await wf.activate();
		await wf.activate();
		expect(v2Subscriptions()).toHaveLength(1);
		delete wf.staticData.subscriptions;
		await wf.deactivate();
		expect(v2Subscriptions()).toEqual([]);
	});

	it('"listen for test event" works the same on the test URL, next to the production subscription', async () => {
		const wf = workflow();
		await wf.activate('production');
		await wf.activate('test');
		expect(
			v2Subscriptions()
				.map((s) => s.url)
				.sort(),
		).toEqual([wf.url('production'), wf.url('test')].sort());
		expect(registration(wf, 'test')).toMatchObject({ url: wf.url('test') });
		await createMessage();
		await fx.sim.delivery.settled();
		expect(wf.executions.map((e) => e.mode).sort()).toEqual(['production', 'test']);
		await wf.deactivate('test');
		expect(v2Subscriptions().map((s) => s.url)).toEqual([wf.url('production')]);
		expect(registration(wf, 'test')).toBeUndefined();
		await wf.deactivate('production');
		expect(v2Subscriptions()).toEqual([]);
	});

	it('refuses to activate with no event selected, creating nothing', async () => {
		const wf = workflow({ events: [] });
		await expect(wf.activate()).rejects.toThrow(/Select at least one event/);
		expect(v2Subscriptions()).toEqual([]);
	});

	it('surfaces HueChat’s refusal (a key without the webhooks scope) instead of activating silently', async () => {
		const limited = await fx.credentialsWith({ scopes: ['contacts:read'] });
		const wf = new TriggerWorkflow(limited, { events: ['message.created'] } as never);
		open.push(wf);
		await expect(wf.activate()).rejects.toThrow(/HueChat 403/);
		expect(v2Subscriptions()).toEqual([]);
	});

	it('20 activate/deactivate cycles leave 0 orphan subscriptions', async () => {
		const wf = workflow({ events: ['message.created', 'deal.won'] });
		const during: number[] = [];
		for (let cycle = 0; cycle < 20; cycle++) {
			await wf.activate();
			during.push(v2Subscriptions().length);
			await wf.deactivate();
		}
		expect(during).toEqual(Array(20).fill(1));
		expect(v2Subscriptions()).toEqual([]);
		expect(wf.staticData.subscriptions).toEqual({});
	});

	it('20 cycles with 30 % of DELETEs failing (500, dropped connection, answer lost): no subscription left delivering', async () => {
		const wf = workflow({ events: ['message.created'] });
		let seed = 12;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const kinds = [
			{ kind: 'status', status: 500 },
			{ kind: 'drop' },
			{ kind: 'dropAfter' },
		] as const;
		let failedDeletes = 0;
		let refusedDeactivations = 0;
		for (let cycle = 0; cycle < 20; cycle++) {
			await wf.activate();
			expect(v2Subscriptions().filter((subscription) => subscription.active)).toHaveLength(1);
			// each DELETE attempt fails with probability 0.3 (the faults queue up in order); the last cycle's all fail
			let failing = 0;
			while ((cycle === 19 ? failing < 6 : random() < 0.3) && failing < 8) {
				const kind = cycle === 19 ? kinds[0] : kinds[failing % kinds.length];
				fx.sim.control.addFault({ ...kind, method: 'DELETE', path: '/outbound_webhooks/' });
				failing++;
			}
			failedDeletes += failing;
			await wf.deactivate().catch(() => refusedDeactivations++);
			fx.sim.control.clearFaults();
		}
		const delivering = v2Subscriptions().filter((subscription) => subscription.active);
		process.stdout.write(
			`[trigger] 20 cycles, ${failedDeletes} failed DELETE attempts, ${refusedDeactivations} deactivation(s) HueChat refused to the end; subscriptions left delivering: ${delivering.length}, paused: ${v2Subscriptions().length - delivering.length}\n`,
		);
		expect(failedDeletes).toBeGreaterThanOrEqual(6);
		expect(refusedDeactivations).toBe(1);
		expect(delivering).toEqual([]);
		expect(v2Subscriptions()).toHaveLength(1);
		// the paused leftover is removed the next time the workflow is published
		await wf.activate();
		await wf.deactivate();
		expect(v2Subscriptions()).toEqual([]);
	}, 60_000);
});

describe('HueChat Trigger lifecycle (v1 account webhooks, Chatwoot-compatible)', () => {
	it('activation makes one account webhook; a message arrives as message_created; deactivation removes it', async () => {
		const wf = workflow({
			api: 'v1',
			accountEvents: ['message_created', 'conversation_status_changed'],
		});
		await wf.activate();
		const webhooks = v1Subscriptions();
		expect(webhooks).toHaveLength(1);
		expect(webhooks[0]).toMatchObject({
			url: wf.url(),
			subscriptions: ['conversation_status_changed', 'message_created'],
		});
		expect(registration(wf)).toMatchObject({
			api: 'v1',
			id: webhooks[0].id,
			secret: webhooks[0].secret,
		});
		const messageId = await createMessage('Chatwoot style');
		await fx.sim.delivery.settled();
		expect(wf.executions).toHaveLength(1);
		expect(wf.executions[0].items[0].json).toMatchObject({
			event: 'message_created',
			account_id: 1,
			data: {
				id: messageId,
				content: 'Chatwoot style',
				message_type: 'outgoing',
				conversation: { id: 1 },
				account: { id: 1 },
			},
		});
		await wf.deactivate();
		expect(v1Subscriptions()).toEqual([]);
	});

	it('the URL is unique per account: a leftover for this URL is replaced, not duplicated (no 422)', async () => {
		const wf = workflow({ api: 'v1', accountEvents: ['contact_created'] });
		await wf.activate();
		delete wf.staticData.subscriptions;
		await wf.activate();
		expect(v1Subscriptions()).toHaveLength(1);
		wf.setParameters({ api: 'v1', accountEvents: ['contact_created', 'contact_updated'] });
		await wf.activate();
		expect(v1Subscriptions()).toEqual([
			expect.objectContaining({ subscriptions: ['contact_created', 'contact_updated'] }),
		]);
	});

	it('switching the type while active replaces the v2 subscription with a v1 webhook', async () => {
		const wf = workflow({ api: 'v2', events: ['message.created'] });
		await wf.activate();
		wf.setParameters({ api: 'v1', accountEvents: ['message_created'] });
		await wf.activate();
		expect(v2Subscriptions()).toEqual([]);
		expect(v1Subscriptions()).toHaveLength(1);
		await wf.deactivate();
		expect(v1Subscriptions()).toEqual([]);
	});

	it('20 activate/deactivate cycles leave 0 orphan webhooks', async () => {
		const wf = workflow({ api: 'v1', accountEvents: ['message_created'] });
		for (let cycle = 0; cycle < 20; cycle++) {
			await wf.activate();
			expect(v1Subscriptions()).toHaveLength(1);
			await wf.deactivate();
		}
		expect(v1Subscriptions()).toEqual([]);
	});
});
