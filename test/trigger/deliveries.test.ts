/**
 * Deliveries through the trigger's webhook() inside n8n-core's WebhookContext (see harness.ts), sent over HTTP by the
 * simulator (the same code path a user's HueChat takes) and by this test (generated attacks).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { sleep, type IDataObject } from 'n8n-workflow';

import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { restartN8n, TriggerWorkflow } from './harness';
import { MAX_BEING_RECORDED } from '../../nodes/HueChatTrigger/recording';

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
	fx.sim.delivery.clearLog();
});
afterEach(async () => {
	await fx.sim.delivery.settled();
	for (const workflow of open.splice(0)) {
		await workflow.deactivate().catch(() => undefined);
		await workflow.close();
	}
});

async function activeWorkflow(
	parameters: Record<string, unknown> = { events: ['message.created'] },
): Promise<TriggerWorkflow> {
	const wf = new TriggerWorkflow(fx.credentials, parameters as never);
	open.push(wf);
	await wf.activate();
	return wf;
}

const secretOf = (wf: TriggerWorkflow) =>
	String((wf.staticData.subscriptions as Record<string, { secret: string }>).production.secret);
const subscriptionIdOf = (wf: TriggerWorkflow) =>
	(wf.staticData.subscriptions as Record<string, { id: string | number }>).production.id;

async function api(
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${fx.sim.url}${path}`, {
		method,
		headers: { api_access_token: fx.credentials.apiToken, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
	};
}

async function control(
	spec: Record<string, unknown>,
): Promise<{ status: number | null; delivery_id: string; headers: Record<string, string> }> {
	const response = await fetch(`${fx.sim.url}/__sim/deliver`, {
		method: 'POST',
		body: JSON.stringify(spec),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as {
		status: number | null;
		delivery_id: string;
		headers: Record<string, string>;
	};
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	await response.text();
	return response.status;
}

const now = () => Math.floor(Date.now() / 1000);
const key = (secret: string) => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
const sign = (secret: string, id: string, ts: string | number, body: string) =>
	`v1,${createHmac('sha256', key(secret)).update(`${id}.${ts}.${body}`).digest('base64')}`;
const signChatwoot = (secret: string, ts: string | number, body: string) =>
	`sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

function envelope(
	event = 'message.created',
	data: Record<string, unknown> = { id: 1, content: 'x', message_type: 0, inbox_id: 1 },
): { id: string; body: string } {
	const id = randomUUID();
	return {
		id,
		body: JSON.stringify({ id, event, created_at: new Date().toISOString(), account_id: 1, data }),
	};
}

describe('verification: a delivery that does not verify gets 401 and starts nothing', () => {
	it('refuses 1,000+ generated bad v2 and v1 deliveries: 0 accepted, 0 executions', async () => {
		const wf = await activeWorkflow({ events: ['*'] });
		const other = await activeWorkflow({ events: ['*'] });
		const secret = secretOf(wf);
		const otherSecret = secretOf(other);
		const v1 = await activeWorkflow({ api: 'v1', accountEvents: ['message_created'] });
		const v1Secret = secretOf(v1);

		type Attack = {
			name: string;
			target: TriggerWorkflow;
			headers: Record<string, string>;
			body: string;
		};
		const attacks: Attack[] = [];
		for (let n = 0; n < 70; n++) {
			const { id, body } = envelope('message.created', {
				id: n,
				content: randomBytes(6).toString('hex'),
				message_type: 0,
			});
			const ts = String(now() + ((n % 9) - 4) * 30);
			const good = {
				'webhook-id': id,
				'webhook-timestamp': ts,
				'webhook-signature': sign(secret, id, ts, body),
			};
			const tamperedBody = body.replace(`"id":${n},`, `"id":${n + 1},`);
			// 30 s beyond the 5-minute window: the attacks are sent a moment after they are made
			const staleTs = String(now() - 330 - n * 7);
			const futureTs = String(now() + 330 + n * 7);
			const v2 = (name: string, headers: Record<string, string>, sentBody = body) =>
				attacks.push({ name, target: wf, headers, body: sentBody });
			v2('forged key', {
				...good,
				'webhook-signature': sign(`whsec_${randomBytes(32).toString('base64')}`, id, ts, body),
			});
			v2('another subscription’s secret', {
				...good,
				'webhook-signature': sign(otherSecret, id, ts, body),
			});
			v2('tampered body', good, tamperedBody);
			v2('whitespace added to the body', good, `${body} `);
			v2('stale', {
				...good,
				'webhook-timestamp': staleTs,
				'webhook-signature': sign(secret, id, staleTs, body),
			});
			v2('future', {
				...good,
				'webhook-timestamp': futureTs,
				'webhook-signature': sign(secret, id, futureTs, body),
			});
			v2('timestamp changed after signing', {
				...good,
				'webhook-timestamp': String(Number(ts) + 1 + (n % 5)),
			});
			v2('id changed after signing', { ...good, 'webhook-id': randomUUID() });
			v2('no webhook-id', {
				'webhook-timestamp': ts,
				'webhook-signature': good['webhook-signature'],
			});
			v2('no timestamp', { 'webhook-id': id, 'webhook-signature': good['webhook-signature'] });
			v2('no signature', { 'webhook-id': id, 'webhook-timestamp': ts });
			v2('non-numeric timestamp', { ...good, 'webhook-timestamp': `${ts}abc` });
			v2('v2 scheme', {
				...good,
				'webhook-signature': good['webhook-signature'].replace(/^v1,/, 'v2,'),
			});
			v2('hex instead of base64', {
				...good,
				'webhook-signature': `v1,${createHmac('sha256', key(secret)).update(`${id}.${ts}.${body}`).digest('hex')}`,
			});
			v2('truncated signature', {
				...good,
				'webhook-signature': good['webhook-signature'].slice(0, 20 + (n % 20)),
			});
			const v1Body = JSON.stringify({
				event: 'message_created',
				id: n,
				content: 'x',
				message_type: 'incoming',
				account: { id: 1, name: 'Acme' },
			});
			const v1Good = {
				'x-chatwoot-delivery': randomUUID(),
				'x-chatwoot-timestamp': ts,
				'x-chatwoot-signature': signChatwoot(v1Secret, ts, v1Body),
			};
			const v1a = (name: string, headers: Record<string, string>, sentBody = v1Body) =>
				attacks.push({ name: `v1 ${name}`, target: v1, headers, body: sentBody });
			if (n % 2 === 0) {
				v1a('forged secret', {
					...v1Good,
					'x-chatwoot-signature': signChatwoot(randomBytes(24).toString('hex'), ts, v1Body),
				});
				v1a('tampered body', v1Good, v1Body.replace('"x"', '"y"'));
				v1a('stale', {
					...v1Good,
					'x-chatwoot-timestamp': staleTs,
					'x-chatwoot-signature': signChatwoot(v1Secret, staleTs, v1Body),
				});
				v1a('no delivery id', {
					'x-chatwoot-timestamp': ts,
					'x-chatwoot-signature': v1Good['x-chatwoot-signature'],
				});
				v1a('no signature', {
					'x-chatwoot-delivery': v1Good['x-chatwoot-delivery'],
					'x-chatwoot-timestamp': ts,
				});
				v1a('a Standard Webhooks signature instead', {
					'webhook-id': id,
					'webhook-timestamp': ts,
					'webhook-signature': sign(secret, id, ts, v1Body),
				});
			}
		}
		let accepted = 0;
		const statuses = new Map<number, number>();
		for (let start = 0; start < attacks.length; start += 50) {
			const batch = attacks.slice(start, start + 50);
			const results = await Promise.all(
				batch.map((attack) => post(attack.target.url(), attack.headers, attack.body)),
			);
			for (const [index, status] of results.entries()) {
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				if (status >= 200 && status < 300) {
					accepted++;
					process.stdout.write(`[trigger] accepted: ${batch[index].name}\n`);
				}
			}
		}
		process.stdout.write(
			`[trigger] bad deliveries tried: ${attacks.length}, accepted: ${accepted}, statuses: ${JSON.stringify(Object.fromEntries(statuses))}\n`,
		);
		expect(attacks.length).toBeGreaterThanOrEqual(1_000);
		expect(accepted).toBe(0);
		expect([...statuses.keys()]).toEqual([401]);
		expect(wf.executions.length + other.executions.length + v1.executions.length).toBe(0);

		// the same endpoints still accept genuine deliveries
		const genuine = envelope();
		const ts = String(now());
		expect(
			await post(
				wf.url(),
				{
					'webhook-id': genuine.id,
					'webhook-timestamp': ts,
					'webhook-signature': sign(secret, genuine.id, ts, genuine.body),
				},
				genuine.body,
			),
		).toBe(200);
		expect(wf.executions).toHaveLength(1);
	});

	it.each(['forged', 'tampered', 'stale', 'future', 'unsigned'])(
		'the simulator’s %s delivery → 401, no execution',
		async (mode) => {
			const wf = await activeWorkflow();
			const attempt = await control({
				subscription_id: subscriptionIdOf(wf),
				mode,
				event: 'message.created',
			});
			expect(attempt.status).toBe(401);
			expect(wf.executions).toHaveLength(0);
		},
	);

	it.each(['forged', 'tampered', 'stale', 'unsigned'])(
		'v1: the simulator’s %s delivery → 401, no execution',
		async (mode) => {
			const wf = await activeWorkflow({ api: 'v1', accountEvents: ['message_created'] });
			const attempt = await control({ subscription_id: subscriptionIdOf(wf), mode });
			expect(attempt.status).toBe(401);
			expect(wf.executions).toHaveLength(0);
		},
	);

	it('a delivery to an endpoint that holds no subscription is refused (401)', async () => {
		const wf = await activeWorkflow();
		const { id, body } = envelope();
		const ts = now();
		const genuine = {
			'webhook-id': id,
			'webhook-timestamp': String(ts),
			'webhook-signature': sign(secretOf(wf), id, ts, body),
		};
		expect(await post(wf.url('test'), genuine, body)).toBe(401);
		expect(wf.executions).toHaveLength(0);
	});
});

describe('rotation: a secret rotated in HueChat keeps every event running once', () => {
	const webhookRecord = (wf: TriggerWorkflow) =>
		fx.sim.store.outbound_webhooks.get(String(subscriptionIdOf(wf)))!;
	/** The simulator's clock moved past the end of the rotation overlap: the replaced secret no longer signs. */
	const expireReplacedSecret = (wf: TriggerWorkflow) => {
		webhookRecord(wf).previous_secret_expires_at = Date.now() - 1;
	};
	const newMessage = async (content: string) => {
		await api('POST', '/api/v1/accounts/1/conversations/1/messages', { content });
		await fx.sim.delivery.settled();
	};

	it('a rotation in progress (a signature the trigger cannot make, then its own) is accepted', async () => {
		const wf = await activeWorkflow({ events: ['*'] });
		const attempt = await control({ subscription_id: subscriptionIdOf(wf), mode: 'rotated' });
		expect(attempt.headers['webhook-signature'].split(' ')).toHaveLength(2);
		expect(attempt.status).toBe(200);
		expect(wf.executions).toHaveLength(1);
	});

	it('rotated by someone in HueChat: the trigger rotates to a secret it holds, and events run once after the old one expired', async () => {
		const wf = await activeWorkflow();
		const original = secretOf(wf);
		const rotated = await api(
			'POST',
			`/api/v2/accounts/1/outbound_webhooks/${String(subscriptionIdOf(wf))}/rotate_secret`,
		);
		expect(rotated.status).toBe(200);
		await newMessage('during the overlap');
		expect(wf.executions).toHaveLength(1);
		// the trigger rotated once more itself: HueChat now signs with the trigger's new secret
		expect(secretOf(wf)).not.toBe(original);
		expect(secretOf(wf)).toBe(webhookRecord(wf).secret);
		expireReplacedSecret(wf);
		await newMessage('a day later');
		await newMessage('and again');
		expect(wf.executions).toHaveLength(3);
		expect(fx.sim.delivery.log().every((entry) => entry.status === 200)).toBe(true);
		expect(
			fx.sim.control
				.requests()
				.filter((entry) => entry.path.endsWith(`/${String(subscriptionIdOf(wf))}/rotate_secret`)),
		).toHaveLength(2);
	});

	it('the production subscription’s rotation leaves the test URL’s subscription and secret alone', async () => {
		const wf = await activeWorkflow();
		await wf.activate('test');
		const testSecret = (wf.staticData.subscriptions as Record<string, { secret: string }>).test
			.secret;
		await api(
			'POST',
			`/api/v2/accounts/1/outbound_webhooks/${String(subscriptionIdOf(wf))}/rotate_secret`,
		);
		await newMessage('production rotates');
		await newMessage('both still verify');
		expect((wf.staticData.subscriptions as Record<string, { secret: string }>).test.secret).toBe(
			testSecret,
		);
		expect(
			wf.answers.filter((answer) => answer.mode === 'test').map((answer) => answer.status),
		).toEqual([200, 200]);
		expect(wf.executions.filter((execution) => execution.mode === 'production')).toHaveLength(2);
		await wf.deactivate('test');
	});

	it('rotated while no event came, the old secret already expired: the first delivery is refused once, HueChat’s retry runs', async () => {
		const wf = await activeWorkflow();
		await api(
			'POST',
			`/api/v2/accounts/1/outbound_webhooks/${String(subscriptionIdOf(wf))}/rotate_secret`,
		);
		expireReplacedSecret(wf);
		await newMessage('after the expiry');
		expect(fx.sim.delivery.log().map((entry) => entry.status)).toEqual([401, 200]);
		expect(wf.executions).toHaveLength(1);
		await newMessage('next');
		expect(wf.executions).toHaveLength(2);
	});
});

describe('de-duplication by delivery id', () => {
	const genuine = (wf: TriggerWorkflow, id: string, body: string) => {
		const ts = now();
		return {
			'webhook-id': id,
			'webhook-timestamp': String(ts),
			'webhook-signature': sign(secretOf(wf), id, ts, body),
		};
	};

	type Deliver = (event: { id: string; body: string }) => Promise<number>;

	/**
	 * A fresh n8n process whose trigger holds answers by `limits` (shortened for a test), with one published workflow and
	 * a genuine delivery to it; the process is restarted with the product's limits afterwards.
	 */
	async function withHoldLimits(
		limits: Parameters<typeof restartN8n>[0],
		run: (wf: TriggerWorkflow, deliver: Deliver) => Promise<void>,
	): Promise<void> {
		await restartN8n(limits);
		try {
			const wf = await activeWorkflow();
			await run(wf, ({ id, body }) => post(wf.url(), genuine(wf, id, body), body));
		} finally {
			await restartN8n();
		}
	}

	it('the same event re-sent (HueChat’s retry) starts one execution', async () => {
		const wf = await activeWorkflow();
		await api('POST', '/api/v1/accounts/1/conversations/1/messages', { content: 'once' });
		await fx.sim.delivery.settled();
		const again = await control({ subscription_id: subscriptionIdOf(wf), mode: 'resent' });
		expect(again.status).toBe(200);
		expect(fx.sim.delivery.log().map((entry) => entry.delivery_id)).toEqual([
			again.delivery_id,
			again.delivery_id,
		]);
		expect(wf.executions).toHaveLength(1);
		expect(wf.answers.map((answer) => answer.status)).toEqual([200, 200]);
	});

	it('ten copies arriving at the same moment start one execution; copies of one still being recorded are asked back (409)', async () => {
		const wf = await activeWorkflow();
		const { id, body } = envelope();
		const headers = genuine(wf, id, body);
		const statuses = await Promise.all(
			Array.from({ length: 10 }, () => post(wf.url(), headers, body)),
		);
		expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
		expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
		expect(wf.executions).toHaveLength(1);
		// HueChat retries the ones asked back: duplicates now
		expect(await post(wf.url(), genuine(wf, id, body), body)).toBe(200);
		expect(wf.executions).toHaveLength(1);
	});

	it('150 events, n8n restarted, every one re-sent: none runs again', async () => {
		const wf = await activeWorkflow();
		const sent = Array.from({ length: 150 }, () => envelope());
		for (const { id, body } of sent)
			expect(await post(wf.url(), genuine(wf, id, body), body)).toBe(200);
		expect(wf.executions).toHaveLength(150);
		await restartN8n();
		for (const { id, body } of sent)
			expect(await post(wf.url(), genuine(wf, id, body), body)).toBe(200);
		expect(wf.executions).toHaveLength(150);
		expect((wf.staticData.seen as { format: string }).format).toBe('sha256-64/hour');
	});

	it('an execution n8n fails to record (500) is not remembered: HueChat’s retry runs it, once', async () => {
		const wf = await activeWorkflow();
		wf.failRecording(1);
		await api('POST', '/api/v1/accounts/1/conversations/1/messages', {
			content: 'while the database is locked',
		});
		await fx.sim.delivery.settled();
		expect(fx.sim.delivery.log().map((entry) => entry.status)).toEqual([500, 200]);
		expect(wf.executions).toHaveLength(1);
		await restartN8n();
		await control({ subscription_id: subscriptionIdOf(wf), mode: 'resent' });
		expect(wf.executions).toHaveLength(1);
	});

	it(`while n8n records slowly, at most ${MAX_BEING_RECORDED} deliveries wait on it; the rest are asked back (503) and each runs once`, async () => {
		const wf = await activeWorkflow();
		wf.slowRecording(400);
		const sent = Array.from({ length: 150 }, () => envelope());
		const first = await Promise.all(
			sent.map(({ id, body }) => post(wf.url(), genuine(wf, id, body), body)),
		);
		expect(wf.mostRecordingAtOnce).toBeLessThanOrEqual(MAX_BEING_RECORDED);
		expect(first.filter((status) => status === 503).length).toBeGreaterThanOrEqual(
			150 - MAX_BEING_RECORDED,
		);
		expect(first.every((status) => status === 200 || status === 503)).toBe(true);
		// HueChat retries what was refused, until every event is acknowledged
		let waiting = sent.filter((_, index) => first[index] !== 200);
		for (let round = 0; waiting.length > 0 && round < 10; round++) {
			const statuses = await Promise.all(
				waiting.map(({ id, body }) => post(wf.url(), genuine(wf, id, body), body)),
			);
			waiting = waiting.filter((_, index) => statuses[index] !== 200);
		}
		expect(waiting).toHaveLength(0);
		const ran = wf.executions.map((execution) => execution.items[0].json.id);
		expect(new Set(ran).size).toBe(150);
		expect(ran).toHaveLength(150);
	});

	it('where the execution runs in this process, its 200 waits for it to start; one not started in time is answered 503, HueChat’s retry runs it, and the late start passes nothing on', async () => {
		// the 8 s n8n's 2xx waits for a start, shortened for the test
		const startWaitMs = 2_000;
		await restartN8n({ startWaitMs });
		const wf = await activeWorkflow();
		const deliver = ({ id, body }: { id: string; body: string }) =>
			post(wf.url(), genuine(wf, id, body), body);
		// n8n's regular mode: the execution reaches the trigger node 300 ms after n8n answered
		wf.startExecutionsAfter(300);
		const first = envelope();
		let began = Date.now();
		expect(await deliver(first)).toBe(200);
		expect(Date.now() - began).toBeGreaterThanOrEqual(250);
		expect(wf.runs).toEqual([first.id]);
		const second = envelope();
		began = Date.now();
		expect(await deliver(second)).toBe(200);
		expect(Date.now() - began).toBeGreaterThanOrEqual(250);
		expect(wf.runs).toEqual([first.id, second.id]);
		// n8n recorded it but starts it only after the trigger stopped waiting
		wf.startExecutionsAfter(startWaitMs + 1_000);
		const late = envelope();
		expect(await deliver(late)).toBe(503);
		wf.startExecutionsAfter(0);
		expect(await deliver(late)).toBe(200);
		await sleep(1_500);
		expect(wf.runs).toEqual([first.id, second.id, late.id]);
		// the late event recorded twice (the first passing nothing on), run once
		expect(wf.executions.map((execution) => execution.items[0].json.id)).toEqual([
			first.id,
			second.id,
			late.id,
			late.id,
		]);
	}, 30_000);

	it('where executions start unseen (queue-mode workers that cannot reach the URL HueChat delivers to): answers wait for a start during the first minute, then none does', async () => {
		// the learning minute, shortened for the test
		const learnMs = 6_000;
		await withHoldLimits({ learnMs }, async (wf, deliver) => {
			wf.startExecutionsAfter(null);
			let began = Date.now();
			const first = deliver(envelope());
			await sleep(learnMs / 2);
			// one delivered halfway through waits for the rest of the minute only
			expect(await deliver(envelope())).toBe(200);
			expect(await first).toBe(200);
			expect(Date.now() - began).toBeGreaterThanOrEqual(learnMs - 500);
			began = Date.now();
			for (let n = 0; n < 5; n++) expect(await deliver(envelope())).toBe(200);
			expect(Date.now() - began).toBeLessThan(2_000);
			expect(wf.executions).toHaveLength(7);
		});
	}, 30_000);

	it('queue mode: a worker tells the process holding the answer of each start; no start in time is answered 503, the retry runs the event once, a second start passes nothing on', async () => {
		const startWaitMs = 2_000;
		await withHoldLimits({ startWaitMs, learnMs: 6_000 }, async (wf, deliver) => {
			// a worker reaches the trigger node 300 ms after n8n answered: the first answer waits for its notice only
			await wf.startExecutionsOnWorkerAfter(300);
			const first = envelope();
			let began = Date.now();
			expect(await deliver(first)).toBe(200);
			expect(Date.now() - began).toBeGreaterThanOrEqual(250);
			expect(Date.now() - began).toBeLessThan(startWaitMs);
			expect(wf.runs).toEqual([first.id]);
			// n8n answers the notice 503 at first (its database check failing under a burst): the worker asks again
			const refused = envelope();
			const answered = deliver(refused);
			await sleep(100);
			wf.failNext(1);
			expect(await answered).toBe(200);
			expect(wf.runs).toEqual([first.id, refused.id]);
			// the notice is taken but its answer lost (the worker's time-out): asked again, the same run goes on
			const unanswered = envelope();
			const heard = deliver(unanswered);
			await sleep(100);
			wf.loseNextAnswers(1);
			expect(await heard).toBe(200);
			await sleep(1_000);
			expect(wf.runs).toEqual([first.id, refused.id, unanswered.id]);
			// the worker fails the execution before its first node (n8n's database locked): no start, 503, and
			// HueChat's retry runs the event
			wf.startExecutionsAfter(null);
			const failed = envelope();
			began = Date.now();
			expect(await deliver(failed)).toBe(503);
			expect(Date.now() - began).toBeGreaterThanOrEqual(startWaitMs - 100);
			await wf.startExecutionsOnWorkerAfter(0);
			expect(await deliver(failed)).toBe(200);
			expect(wf.runs).toEqual([first.id, refused.id, unanswered.id, failed.id]);
			// the worker starts it only after the answer gave up: that late start runs the event, and HueChat's retry
			// is a copy
			await wf.startExecutionsOnWorkerAfter(startWaitMs + 500);
			const late = envelope();
			expect(await deliver(late)).toBe(503);
			await sleep(1_500);
			expect(wf.runs).toEqual([first.id, refused.id, unanswered.id, failed.id, late.id]);
			expect(await deliver(late)).toBe(200);
			// the retry's execution starts before the first one's: the first start runs the event, the second passes
			// nothing on
			await wf.startExecutionsOnWorkerAfter(startWaitMs + 3_000);
			const raced = envelope();
			expect(await deliver(raced)).toBe(503);
			await wf.startExecutionsOnWorkerAfter(0);
			expect(await deliver(raced)).toBe(200);
			await sleep(3_500);
			expect(wf.runs).toEqual([first.id, refused.id, unanswered.id, failed.id, late.id, raced.id]);
			expect(wf.executions.map((execution) => execution.items[0].json.id)).toEqual([
				first.id,
				refused.id,
				unanswered.id,
				failed.id,
				failed.id,
				late.id,
				raced.id,
				raced.id,
			]);
			// and copies after it all are duplicates
			expect(await deliver(raced)).toBe(200);
			expect(await deliver(late)).toBe(200);
			expect(wf.executions).toHaveLength(8);
			// no node after the trigger sees the start ticket
			expect(wf.passed.filter((item) => 'hueChatStart' in item)).toEqual([]);
			expect(wf.passed).toHaveLength(6);
		});
	}, 30_000);

	it('a start notice with a token this process never gave out tells nothing and records nothing', async () => {
		const wf = await activeWorkflow();
		const notice = async (token: string) => {
			const response = await fetch(wf.url(), {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-huechat-started': token },
				body: '{}',
			});
			return { status: response.status, body: (await response.json()) as { run: boolean } };
		};
		// the worker runs it (this process may have restarted since it gave the token out)
		expect(await notice(randomBytes(16).toString('base64url'))).toEqual({
			status: 200,
			body: { run: true },
		});
		expect(await notice('')).toEqual({ status: 200, body: { run: true } });
		const event = envelope();
		expect(await post(wf.url(), genuine(wf, event.id, event.body), event.body)).toBe(200);
		expect(wf.runs).toEqual([event.id]);
		expect(wf.executions).toHaveLength(1);
	});

	it('a start notice asked again (its answer lost to the worker’s time-out) is answered the same; the same execution run again is not run', () =>
		withHoldLimits({ startWaitMs: 2_000, learnMs: 6_000 }, async (wf, deliver) => {
			// the worker is this test: it takes the token from the item n8n recorded
			wf.startExecutionsAfter(null);
			const answered = deliver(envelope());
			while (wf.executions.length === 0) await sleep(20);
			const { token } = wf.executions[0].items[0].hueChatStart as { token: string };
			const notice = async (run: string) =>
				await (
					await fetch(wf.url(), {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							'x-huechat-started': token,
							'x-huechat-started-run': run,
						},
						body: '{}',
					})
				).json();
			expect(await notice('first run')).toEqual({ run: true });
			expect(await answered).toBe(200);
			expect(await notice('first run')).toEqual({ run: true });
			// the same execution run again (a queue's stalled job): not again
			expect(await notice('second run')).toEqual({ run: false });
		}));

	it('a notice for another live process’s delivery (a balancer not routing by webhook-id): that endpoint’s answers are n8n’s own from then on', async () => {
		const startWaitMs = 1_000;
		await withHoldLimits({ startWaitMs, learnMs: 6_000 }, async (wf, deliver) => {
			await wf.startExecutionsOnWorkerAfter(100);
			expect(await deliver(envelope())).toBe(200);
			// starts seen: one that never starts is answered 503
			wf.startExecutionsAfter(null);
			expect(await deliver(envelope())).toBe(503);
			// another process's token, issued after this one started
			const stray = `${(Date.now() + 1).toString(36)}.${randomBytes(6).toString('base64url')}.${randomBytes(12).toString('base64url')}`;
			const response = await fetch(wf.url(), {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-huechat-started': stray },
				body: '{}',
			});
			expect(await response.json()).toEqual({ run: true });
			const began = Date.now();
			expect(await deliver(envelope())).toBe(200);
			expect(Date.now() - began).toBeLessThan(startWaitMs);
		});
	}, 30_000);

	it('an event HueChat retries after a failed attempt starts one execution; a later copy is a duplicate', async () => {
		const wf = await activeWorkflow();
		wf.failNext(2);
		await api('POST', '/api/v1/accounts/1/conversations/1/messages', { content: 'retried' });
		await fx.sim.delivery.settled();
		const attempts = fx.sim.delivery.log();
		expect(attempts.map((entry) => [entry.attempt, entry.status])).toEqual([
			[1, 503],
			[2, 503],
			[3, 200],
		]);
		expect(new Set(attempts.map((entry) => entry.delivery_id)).size).toBe(1);
		expect(wf.executions).toHaveLength(1);
		await control({ subscription_id: subscriptionIdOf(wf), mode: 'resent' });
		expect(wf.executions).toHaveLength(1);
	});
});

describe('genuine deliveries the trigger reads whatever their content type, or cannot use', () => {
	it.each([['application/octet-stream'], [undefined]])(
		'Content-Type %s: verified over the raw bytes and run',
		async (contentType) => {
			const wf = await activeWorkflow();
			const { id, body } = envelope();
			const ts = now();
			const headers: Record<string, string> = {
				'webhook-id': id,
				'webhook-timestamp': String(ts),
				'webhook-signature': sign(secretOf(wf), id, ts, body),
			};
			if (contentType) headers['content-type'] = contentType;
			const response = await fetch(wf.url(), {
				method: 'POST',
				headers,
				body: contentType ? body : Buffer.from(body),
			});
			expect(response.status).toBe(200);
			expect(wf.executions).toHaveLength(1);
			expect(wf.executions[0].items[0].json.id).toBe(id);
		},
	);

	it.each([['[1,2]'], ['"text"'], ['null']])(
		'a signed body that is not a JSON object (%s): 200 saying it was ignored, nothing run',
		async (body) => {
			const wf = await activeWorkflow();
			const id = randomUUID();
			const ts = now();
			const response = await fetch(wf.url(), {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'webhook-id': id,
					'webhook-timestamp': String(ts),
					'webhook-signature': sign(secretOf(wf), id, ts, body),
				},
				body,
			});
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({
				received: true,
				ignored: 'the body is not a JSON object',
			});
			expect(wf.executions).toHaveLength(0);
		},
	);

	it.each([
		['without padding', (sig: string) => sig.replace(/=+$/, '')],
		['in the URL alphabet', (sig: string) => sig.replace(/\+/g, '-').replace(/\//g, '_')],
		['with trailing characters', (sig: string) => `${sig}AA`],
	])(
		'a signature spelled loosely (%s) is refused, as the reference library does',
		async (_name, respell) => {
			const wf = await activeWorkflow();
			let refused = 0;
			for (let n = 0; n < 20; n++) {
				const { id, body } = envelope();
				const ts = now();
				const canonical = sign(secretOf(wf), id, ts, body);
				const loose = `v1,${respell(canonical.slice(3))}`;
				if (loose === canonical) continue; // this signature has no such spelling (no padding, no + or /)
				const status = await post(
					wf.url(),
					{ 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': loose },
					body,
				);
				expect(status).toBe(401);
				refused++;
			}
			expect(refused).toBeGreaterThan(0);
			expect(wf.executions).toHaveLength(0);
		},
	);
});

describe('filters and output', () => {
	async function incomingMessage(conversationId: number, content: string): Promise<void> {
		const result = await api(
			'POST',
			`/api/v1/accounts/1/conversations/${conversationId}/messages`,
			{ content, message_type: 'incoming' },
		);
		expect(result.status).toBe(201);
	}

	async function apiInboxConversation(): Promise<{ id: number; inbox_id: number }> {
		const inboxes = fx.sim.store.list('inboxes') as Array<{ id: number; channel_kind: string }>;
		const apiInbox = inboxes.find((inbox) => inbox.channel_kind === 'api')!;
		const conversation = (
			fx.sim.store.list('conversations') as Array<{
				display_id: number;
				inbox_id: number;
				account_id: number;
			}>
		).find((item) => item.inbox_id === apiInbox.id && item.account_id === 1)!;
		return { id: conversation.display_id, inbox_id: apiInbox.id };
	}

	it('Only Incoming Messages: outgoing messages are answered 200 and start nothing', async () => {
		const conversation = await apiInboxConversation();
		const wf = await activeWorkflow({
			events: ['message.created'],
			options: { onlyIncoming: true },
		});
		await api('POST', `/api/v1/accounts/1/conversations/${conversation.id}/messages`, {
			content: 'from an agent',
		});
		await incomingMessage(conversation.id, 'from the contact');
		await fx.sim.delivery.settled();
		expect(wf.executions.map((e) => (e.items[0].json.data as { content: string }).content)).toEqual(
			['from the contact'],
		);
		expect(wf.answers.map((a) => a.status)).toEqual([200, 200]);
	});

	it('listening for a test event on a published workflow: the message sent is the test event, not the answer the published run gives to it', async () => {
		// a trigger without Only Incoming Messages, published, and listening for a test event (issue 16, item 11)
		const conversation = await apiInboxConversation();
		const wf = await activeWorkflow({ events: ['message.created'] });
		const content = (execution: { items: Array<{ json: unknown }> }) =>
			(execution.items[0].json as { data: { content: string } }).data.content;
		for (const listening of [1, 2]) {
			await wf.activate('test');
			await incomingMessage(conversation.id, `customer ${listening}`);
			// the published run answers at once: its message reaches the test URL too, before n8n (having run the test
			// execution) has deleted the test subscription
			await api('POST', `/api/v1/accounts/1/conversations/${conversation.id}/messages`, {
				content: `answer ${listening}`,
			});
			await fx.sim.delivery.settled();
			await wf.deactivate('test');
		}
		expect(wf.executions.filter((e) => e.mode === 'test').map(content)).toEqual([
			'customer 1',
			'customer 2',
		]);
		expect(wf.executions.filter((e) => e.mode === 'production').map(content)).toEqual([
			'customer 1',
			'answer 1',
			'customer 2',
			'answer 2',
		]);
		// the answer was acknowledged (200), so HueChat does not retry it into the next listening
		expect(wf.answers.filter((a) => a.mode === 'test').map((a) => a.status)).toEqual([
			200, 200, 200, 200,
		]);
	});

	it('Inbox: events of other inboxes start nothing; events without an inbox still do', async () => {
		const conversation = await apiInboxConversation();
		const otherConversation = (
			fx.sim.store.list('conversations') as Array<{
				display_id: number;
				inbox_id: number;
				account_id: number;
			}>
		).find((item) => item.inbox_id !== conversation.inbox_id && item.account_id === 1)!;
		const wf = await activeWorkflow({
			events: ['message.created', 'contact.created'],
			options: { inbox: { __rl: true, mode: 'id', value: String(conversation.inbox_id) } },
		});
		await api('POST', `/api/v1/accounts/1/conversations/${otherConversation.display_id}/messages`, {
			content: 'elsewhere',
		});
		await api('POST', `/api/v1/accounts/1/conversations/${conversation.id}/messages`, {
			content: 'here',
		});
		await api('POST', '/api/v1/accounts/1/contacts', {
			name: 'Inbox-less',
			email: `inboxless-${randomUUID()}@example.com`,
		});
		await fx.sim.delivery.settled();
		expect(wf.executions.map((e) => e.items[0].json.event)).toEqual([
			'message.created',
			'contact.created',
		]);
		expect((wf.executions[0].items[0].json.data as { content: string }).content).toBe('here');
	});

	it('v2 dates in event data are ISO 8601, as the HueChat node outputs the same record; v1 records keep unix seconds', async () => {
		const wf = await activeWorkflow({ events: ['deal.created', 'contact.created'] });
		const sales = fx.sim.store.v2OfAccount('pipelines', 1).find((p) => p.name === 'Sales')!;
		const created = await api('POST', '/api/v2/accounts/1/deals', {
			title: 'Dated deal',
			pipeline_id: sales.id,
			stage_id: sales.stages[0].id,
			expected_close_at: 1806451200,
		});
		expect(created.json.expected_close_at).toBe(1806451200); // HueChat answers unix seconds
		await api('POST', '/api/v1/accounts/1/contacts', {
			name: 'Dated contact',
			email: `dated-${randomUUID()}@example.com`,
		});
		await fx.sim.delivery.settled();
		const [deal, contact] = wf.executions.map((e) => e.items[0].json.data as IDataObject);
		expect(deal).toMatchObject({
			title: 'Dated deal',
			expected_close_at: '2027-03-31T00:00:00.000Z',
			created_at: new Date(Number(created.json.created_at) * 1000).toISOString(),
			closed_at: null,
		});
		expect(typeof contact.created_at).toBe('number');
	});

	it('an event the trigger did not select (its subscription changed in HueChat) starts nothing', async () => {
		const wf = await activeWorkflow({ events: ['message.created'] });
		const attempt = await control({
			subscription_id: subscriptionIdOf(wf),
			mode: 'valid',
			event: 'deal.won',
			data: { id: randomUUID() },
		});
		expect(attempt.status).toBe(200);
		expect(wf.executions).toHaveLength(0);
	});

	it('outputs one item per event: event, id, time, account and the resource as data (examples per family)', async () => {
		const conversation = await apiInboxConversation();
		await api('POST', `/api/v1/accounts/1/conversations/${conversation.id}/toggle_status`, {
			status: 'open',
		});
		await fx.sim.delivery.settled();
		const wf = await activeWorkflow({ events: ['*'] });
		const step = async (action: () => Promise<unknown>) => {
			const before = wf.executions.length;
			await action();
			await fx.sim.delivery.settled();
			return wf.executions.slice(before).map((execution) => execution.items[0].json);
		};
		const message = await step(() => incomingMessage(conversation.id, 'Hi, where is my order?'));
		const status = await step(() =>
			api('POST', `/api/v1/accounts/1/conversations/${conversation.id}/toggle_status`, {
				status: 'resolved',
			}),
		);
		const contact = await step(() =>
			api('POST', '/api/v1/accounts/1/contacts', {
				name: 'Grace Hopper',
				email: `grace-${randomUUID()}@example.com`,
			}),
		);
		const test = await step(() =>
			api('POST', `/api/v2/accounts/1/outbound_webhooks/${String(subscriptionIdOf(wf))}/test`),
		);
		expect(message.map((item) => item.event)).toEqual(['message.created']);
		expect(status.map((item) => item.event).sort()).toEqual([
			'conversation.status_changed',
			'conversation.updated',
		]);
		expect(contact.map((item) => item.event)).toEqual(['contact.created']);
		expect(test.map((item) => item.event)).toEqual(['webhook.test']);
		const items = [
			message[0],
			status.find((item) => item.event === 'conversation.status_changed')!,
			contact[0],
			test[0],
		];
		for (const item of items) {
			expect(Object.keys(item).sort()).toEqual(['account_id', 'created_at', 'data', 'event', 'id']);
			expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
			expect(new Date(String(item.created_at)).toISOString()).toBe(item.created_at);
			expect(item.account_id).toBe(1);
		}
		expect(items[0].data).toMatchObject({
			content: 'Hi, where is my order?',
			message_type: 0,
			conversation_id: conversation.id,
		});
		expect(items[1].data).toMatchObject({ id: conversation.id, status: 'resolved' });
		expect(items[2].data).toMatchObject({ name: 'Grace Hopper' });
		expect(items[3].data).toMatchObject({ id: subscriptionIdOf(wf), url: wf.url() });
		expect(items[3].data).not.toHaveProperty('secret');
		if (process.env.HUECHAT_PRINT_EXAMPLES)
			process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
	});
});
