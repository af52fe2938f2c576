/**
 * The HueChat Trigger in a real n8n 2.41.1 (the packed package, public API publish/unpublish) against the simulator,
 * which delivers events for real: signed HTTP POSTs to n8n's production webhook URL, retried on non-2xx.
 * Publication is asynchronous in n8n 2.x, so every effect is polled for.
 */
import { randomUUID } from 'node:crypto';

import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { N8nInstance, PACKAGE_NAME, sleep, waitFor, type ItemJson } from './harness';

const TRIGGER_TYPE = `${PACKAGE_NAME}.hueChatTrigger`;
const CREDENTIAL = { id: 'huechatSim0001', name: 'HueChat (simulator)' };

interface Subscription {
	id: string | number;
	url: string;
}

function triggerWorkflow(id: string, webhookId: string, parameters: Record<string, unknown>) {
	return {
		id,
		name: `HueChat trigger e2e ${id}`,
		active: false,
		nodes: [
			{
				id: randomUUID(),
				name: 'HueChat Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1.1,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { hueChatApi: CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveManualExecutions: true },
	};
}

describe('HueChat Trigger in real n8n', () => {
	let sim: Simulator;
	let n8n: N8nInstance;
	let token: string;
	const v2 = { id: 'hcE2eTriggerV2', webhookId: randomUUID() };
	const v1 = { id: 'hcE2eTriggerV1', webhookId: randomUUID() };
	const figures = {
		deliveries: 0,
		accepted: 0,
		refused401: 0,
		executions: 0,
		cycles: 0,
		orphans: 0,
	};
	let messageDeliveryId = '';

	beforeAll(async () => {
		sim = await startSimulator({
			port: 0,
			contacts: 30,
			// enough attempts to outlast a queue-mode process's first minute, when the trigger holds its answers (recording.ts)
			delivery: { retryBaseMs: 250, maxAttempts: 12, retryMaxMs: 16_000 },
		});
		token = sim.control.createKey({ scopes: ['*'] }).token;
		n8n = await N8nInstance.create({ name: 'trigger' });
		await n8n.guard(async () => {
			await n8n.importCredentials([
				{
					...CREDENTIAL,
					type: 'hueChatApi',
					data: { apiToken: token, accountId: sim.accountId, baseUrl: sim.url },
				},
			]);
			await n8n.importWorkflows([
				triggerWorkflow(v2.id, v2.webhookId, {
					api: 'v2',
					events: ['message.created', 'conversation.status_changed'],
				}),
				triggerWorkflow(v1.id, v1.webhookId, { api: 'v1', accountEvents: ['message_created'] }),
			]);
			await n8n.start();
			process.stdout.write(
				`[e2e] n8n ready in ${(n8n.startupMs / 1000).toFixed(1)} s on ${n8n.baseUrl}\n`,
			);
		});
	});

	afterAll(async () => {
		if (sim) {
			const log = sim.delivery.log();
			figures.deliveries = log.length;
			figures.accepted = log.filter(
				(entry) => entry.status !== null && entry.status >= 200 && entry.status < 300,
			).length;
			figures.refused401 = log.filter((entry) => entry.status === 401).length;
		}
		process.stdout.write(`[e2e] trigger figures: ${JSON.stringify(figures)}\n`);
		await n8n?.dispose();
		await sim?.delivery.settled();
		await sim?.close();
	});

	const productionUrl = (webhookId: string) => `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	const v2Subscriptions = (): Subscription[] =>
		sim.control.collection('outbound_webhooks') as Subscription[];
	const v1Subscriptions = (): Subscription[] =>
		sim.control.collection('account_webhooks') as Subscription[];
	const executionsOf = async (workflowId: string) =>
		await n8n.listExecutions({ workflowId, includeData: true, limit: 100 });

	async function createMessage(content: string): Promise<number> {
		const response = await fetch(`${sim.url}/api/v1/accounts/1/conversations/1/messages`, {
			method: 'POST',
			headers: { api_access_token: token, 'content-type': 'application/json' },
			body: JSON.stringify({ content }),
		});
		expect(response.status).toBe(201);
		return ((await response.json()) as { id: number }).id;
	}

	async function deliver(
		spec: Record<string, unknown>,
	): Promise<{ status: number | null; delivery_id: string }> {
		const response = await fetch(`${sim.url}/__sim/deliver`, {
			method: 'POST',
			body: JSON.stringify(spec),
		});
		expect(response.status).toBe(200);
		return (await response.json()) as { status: number | null; delivery_id: string };
	}

	function triggerItem(execution: {
		data?: {
			resultData: {
				runData: Record<
					string,
					Array<{ data?: { main: Array<Array<{ json: ItemJson }> | null> } }>
				>;
			};
		};
	}): ItemJson {
		const run = execution.data?.resultData.runData['HueChat Trigger']?.[0];
		return run?.data?.main[0]?.[0]?.json ?? {};
	}

	it('loads the trigger under its community type name', () =>
		n8n.guard(async () => {
			await n8n.assertPackageLoaded([`${PACKAGE_NAME}.hueChat`, TRIGGER_TYPE]);
		}));

	it('publishing creates exactly one subscription for the production URL', () =>
		n8n.guard(async () => {
			await n8n.publishWorkflow(v2.id);
			const subscriptions = await waitFor('the subscription', () =>
				v2Subscriptions().length > 0 ? v2Subscriptions() : undefined,
			);
			await sleep(500);
			expect(v2Subscriptions()).toHaveLength(1);
			expect(subscriptions[0]).toMatchObject({
				url: productionUrl(v2.webhookId),
				events: ['conversation.status_changed', 'message.created'],
				active: true,
			});
		}));

	it('a message created through the simulator’s API starts one execution carrying the event', () =>
		n8n.guard(async () => {
			const messageId = await createMessage('Hello n8n, from HueChat');
			const executions = await waitFor('the execution', async () => {
				const list = await executionsOf(v2.id);
				return list.length >= 1 && list.every((e) => e.finished || e.status === 'success')
					? list
					: undefined;
			});
			await sim.delivery.settled();
			const attempts = sim.delivery.log().filter((entry) => entry.event === 'message.created');
			expect(attempts.at(-1)?.status).toBe(200);
			messageDeliveryId = String(attempts.at(-1)?.delivery_id);
			expect(executions).toHaveLength(1);
			const item = triggerItem(executions[0]);
			expect(item).toMatchObject({
				event: 'message.created',
				id: attempts.at(-1)?.delivery_id,
				account_id: 1,
				data: { id: messageId, content: 'Hello n8n, from HueChat', conversation_id: 1 },
			});
			// the start ticket n8n recorded with the item (its URL and token) stays out of the trigger's output
			const output =
				executions[0].data?.resultData.runData['HueChat Trigger']?.[0]?.data?.main[0]?.[0];
			expect(Object.keys(output ?? {})).toEqual(['json', 'pairedItem']);
			const [subscription] = sim.store.outbound_webhooks.values();
			expect(JSON.stringify(executions[0])).not.toContain(subscription.secret);
			expect(JSON.stringify(executions[0])).not.toContain(token);
		}));

	it('forged, tampered, stale and unsigned deliveries get 401 and start nothing', () =>
		n8n.guard(async () => {
			const [subscription] = v2Subscriptions();
			for (const mode of ['forged', 'tampered', 'stale', 'future', 'unsigned']) {
				const attempt = await deliver({
					subscription_id: subscription.id,
					mode,
					event: 'message.created',
					data: { id: 999, content: 'evil' },
				});
				expect({ mode, status: attempt.status }).toEqual({ mode, status: 401 });
			}
			await sleep(1_500);
			expect(await executionsOf(v2.id)).toHaveLength(1);
		}));

	it('the same event delivered twice starts one execution; a rotation in progress still verifies', () =>
		n8n.guard(async () => {
			const [subscription] = v2Subscriptions();
			const again = await deliver({ subscription_id: subscription.id, mode: 'resent' });
			expect(again).toMatchObject({ status: 200, delivery_id: messageDeliveryId });
			const fresh = await deliver({
				subscription_id: subscription.id,
				mode: 'valid',
				event: 'message.created',
				data: { id: 1000, content: 'dup' },
			});
			expect(fresh.status).toBe(200);
			const twice = await deliver({
				subscription_id: subscription.id,
				mode: 'resent',
				delivery_id: fresh.delivery_id,
			});
			expect(twice.status).toBe(200);
			const rotated = await deliver({
				subscription_id: subscription.id,
				mode: 'rotated',
				event: 'message.created',
				data: { id: 1001, content: 'rotated' },
			});
			expect(rotated.status).toBe(200);
			await waitFor('two more executions', async () => (await executionsOf(v2.id)).length >= 3);
			await sleep(1_500);
			const ids = (await executionsOf(v2.id)).map((execution) => triggerItem(execution).id);
			expect(ids.sort()).toEqual(
				[messageDeliveryId, fresh.delivery_id, rotated.delivery_id].sort(),
			);
			figures.executions = ids.length;
		}));

	it('unpublishing deletes the subscription', () =>
		n8n.guard(async () => {
			await n8n.unpublishWorkflow(v2.id);
			await waitFor('no subscription', () => v2Subscriptions().length === 0);
		}));

	it('20 publish/unpublish cycles leave 0 orphan subscriptions', () =>
		n8n.guard(async () => {
			for (let cycle = 0; cycle < 20; cycle++) {
				await n8n.publishWorkflow(v2.id);
				await waitFor(`subscription (cycle ${cycle + 1})`, () => v2Subscriptions().length === 1, {
					timeoutMs: 30_000,
					intervalMs: 100,
				});
				await n8n.unpublishWorkflow(v2.id);
				await waitFor(
					`no subscription (cycle ${cycle + 1})`,
					() => v2Subscriptions().length === 0,
					{ timeoutMs: 30_000, intervalMs: 100 },
				);
				figures.cycles += 1;
			}
			await sleep(1_000);
			figures.orphans = v2Subscriptions().length;
			expect(v2Subscriptions()).toEqual([]);
		}));

	it('v1 (Chatwoot-compatible): publish → one account webhook → message_created execution → unpublish → none', () =>
		n8n.guard(async () => {
			await n8n.publishWorkflow(v1.id);
			await waitFor('the account webhook', () => v1Subscriptions().length === 1);
			expect(v1Subscriptions()[0]).toMatchObject({
				url: productionUrl(v1.webhookId),
				subscriptions: ['message_created'],
			});
			const messageId = await createMessage('Chatwoot-style hello');
			const executions = await waitFor('the v1 execution', async () => {
				const list = await executionsOf(v1.id);
				return list.length >= 1 ? list : undefined;
			});
			expect(triggerItem(executions[0])).toMatchObject({
				event: 'message_created',
				data: { id: messageId, message_type: 'outgoing', account: { id: 1 } },
			});
			const forged = await deliver({ subscription_id: v1Subscriptions()[0].id, mode: 'forged' });
			expect(forged.status).toBe(401);
			await n8n.unpublishWorkflow(v1.id);
			await waitFor('no account webhook', () => v1Subscriptions().length === 0);
			await sleep(500);
			expect(await executionsOf(v1.id)).toHaveLength(1);
			figures.executions += 1;
		}));
});
