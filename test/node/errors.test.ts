import type { INodeExecutionData } from 'n8n-workflow';

import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';

let fx: SimulatorFixture;

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.sim.close());
beforeEach(async () => {
	await fx.sim.control.clearFaults();
	await fx.clearRequests();
});

const getContact = (id: number) => ({
	resource: 'contact',
	operation: 'get',
	contactId: { __rl: true, mode: 'id', value: String(id) },
});

/** Everything n8n could show or store of an error: message, description, the serialized error and its stack. */
function everythingShown(error: unknown): string {
	const e = error as { message?: string; description?: string; stack?: string };
	return [e.message, e.description, e.stack, JSON.stringify(error)].join('\n');
}

async function failure(
	promise: Promise<unknown>,
): Promise<{ message: string; description?: string; httpCode?: string; shown: string }> {
	try {
		await promise;
	} catch (error) {
		const e = error as { message: string; description?: string; httpCode?: string };
		return {
			message: e.message,
			description: e.description,
			httpCode: e.httpCode,
			shown: everythingShown(error),
		};
	}
	throw new Error('expected the node to fail');
}

describe('Errors and retries in the shared request path', () => {
	it('401: an unknown token says so, and the token appears nowhere in the error', async () => {
		const badToken = 'hc_test_this_token_does_not_exist_123456';
		const error = await failure(
			runHueChat({
				credentials: { ...fx.credentials, apiToken: badToken },
				parameters: getContact(1) as never,
			}),
		);
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/^HueChat 401: /);
		expect(error.description).toMatch(/API Token/);
		expect(error.shown).not.toContain(badToken);
		expect(await fx.requests()).toHaveLength(1);
	});

	it('403: a key without the scope gets an error naming the missing scope, not retried', async () => {
		const readOnly = await fx.credentialsWith({ scopes: ['contacts:read'] });
		const error = await failure(
			runHueChat({
				credentials: readOnly,
				parameters: { resource: 'contact', operation: 'create', contactName: 'No Scope' } as never,
			}),
		);
		expect(error.httpCode).toBe('403');
		expect(error.message).toContain('contacts:write');
		expect(await fx.requests()).toHaveLength(1);
	});

	it('404: a missing record says the ID does not exist', async () => {
		const error = await failure(
			runHueChat({ credentials: fx.credentials, parameters: getContact(999_999) as never }),
		);
		expect(error.httpCode).toBe('404');
		expect(error.description).toMatch(/does not exist/);
	});

	it('422: HueChat validation details name the field', async () => {
		const contacts = (await fx.sim.control.collection('contacts')) as Array<{ email: string }>;
		const error = await failure(
			runHueChat({
				credentials: fx.credentials,
				parameters: {
					resource: 'contact',
					operation: 'create',
					contactName: 'Dup',
					contactFields: { email: contacts[0].email },
				} as never,
			}),
		);
		expect(error.httpCode).toBe('422');
		expect(error.message).toMatch(/email/);
		expect(await fx.requests()).toHaveLength(1);
	});

	it('429 then success: waits at least a second (Retry-After) and retries', async () => {
		await fx.sim.control.addFault({
			kind: 'status',
			status: 429,
			count: 1,
			retryAfter: 1,
			path: '/contacts/2',
		});
		const started = Date.now();
		const { items } = await runHueChat({
			credentials: fx.credentials,
			parameters: getContact(2) as never,
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
		expect(items[0].json.id).toBe(2);
		expect((await fx.requests()).map((r) => r.status)).toEqual([429, 200]);
	});

	it.each([500, 502, 503, 504])('%i then success: retried with backoff', async (status) => {
		await fx.sim.control.addFault({ kind: 'status', status, count: 2, path: '/contacts/2' });
		const { items } = await runHueChat({
			credentials: fx.credentials,
			parameters: getContact(2) as never,
		});
		expect(items[0].json.id).toBe(2);
		expect((await fx.requests()).map((r) => r.status)).toEqual([status, status, 200]);
	});

	it('a dropped connection is retried', async () => {
		await fx.sim.control.addFault({ kind: 'drop', count: 1, path: '/contacts/2' });
		const { items } = await runHueChat({
			credentials: fx.credentials,
			parameters: getContact(2) as never,
		});
		expect(items[0].json.id).toBe(2);
	});

	it('when retries run out the error says what happened and how often it was tried', async () => {
		await fx.sim.control.addFault({ kind: 'status', status: 503, count: 10, path: '/contacts/2' });
		const error = await failure(
			runHueChat({ credentials: fx.credentials, parameters: getContact(2) as never }),
		);
		expect(error.httpCode).toBe('503');
		expect(error.description).toMatch(/Tried 5 times/);
		expect((await fx.requests()).length).toBe(5);
	}, 60_000);

	it('Continue On Fail: one error item per failed input item, the others kept, order and pairing intact', async () => {
		const { items } = await runHueChat({
			credentials: fx.credentials,
			continueOnFail: true,
			items: [{ id: 1 }, { id: 999_999 }, { id: 'abc' }, { id: 3 }],
			parameters: {
				resource: 'contact',
				operation: 'get',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				simplify: false,
			} as never,
		});
		expect(items).toHaveLength(4);
		const summary = items.map((item: INodeExecutionData) =>
			item.error ? `error:${item.error.message.slice(0, 60)}` : `ok:${String(item.json.id)}`,
		);
		expect(summary[0]).toBe('ok:1');
		expect(summary[1]).toMatch(/^error:HueChat 404/);
		expect(summary[2]).toMatch(/^error:'Contact' must be a positive whole number/);
		expect(summary[3]).toBe('ok:3');
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	it('plain http:// to a host other than this machine is refused before the token is sent', async () => {
		const error = await failure(
			runHueChat({
				credentials: { ...fx.credentials, baseUrl: 'http://huechat.example.com' },
				parameters: getContact(1) as never,
			}),
		);
		expect(error.message).toMatch(/must start with https:\/\//);
	});

	it('a pasted /api/v1 suffix on the Base URL still works', async () => {
		const { items } = await runHueChat({
			credentials: { ...fx.credentials, baseUrl: `${fx.sim.url}/api/v1/` },
			parameters: getContact(1) as never,
		});
		expect(items[0].json.id).toBe(1);
	});

	it('the token appears in no output item of any operation', async () => {
		const outputs = await Promise.all([
			runHueChat({ credentials: fx.credentials, parameters: getContact(1) as never }),
			runHueChat({
				credentials: fx.credentials,
				parameters: {
					resource: 'contact',
					operation: 'getAll',
					limit: 3,
					simplify: false,
				} as never,
			}),
			runHueChat({
				credentials: fx.credentials,
				parameters: {
					resource: 'conversation',
					operation: 'getAll',
					limit: 3,
					simplify: false,
				} as never,
			}),
		]);
		expect(JSON.stringify(outputs)).not.toContain(fx.credentials.apiToken);
	});

	it("n8n's Retry On Fail reuses the item's Idempotency-Key, so a create whose answer was lost is not made twice", async () => {
		// Retry On Fail re-runs the node in the same execution with the same run index: the same call made twice.
		const create = (executionId: string) =>
			runHueChat({
				credentials: fx.credentials,
				executionId,
				parameters: {
					resource: 'message',
					operation: 'create',
					conversationId: { __rl: true, mode: 'id', value: '4' },
					messageContent: `retry-on-fail ${executionId}`,
					requestOptions: { maxAttempts: 1 },
				} as never,
			});
		await fx.sim.control.addFault({
			kind: 'dropAfter',
			count: 1,
			path: 'conversations/4/messages',
		});
		await expect(create('exec-retry')).rejects.toThrow(/Could not reach HueChat/);
		const { items } = await create('exec-retry');
		const requests = (await fx.requests()).filter((r) => r.method === 'POST');
		expect(requests).toHaveLength(2);
		expect(requests[0].headers['idempotency-key']).toBe(requests[1].headers['idempotency-key']);
		const stored = (
			(await fx.sim.control.collection('messages')) as Array<{ id: number; content: string }>
		).filter((m) => m.content === 'retry-on-fail exec-retry');
		expect(stored).toHaveLength(1);
		expect(items[0].json.id).toBe(stored[0].id);
		await create('exec-other');
		const keys = (await fx.requests())
			.filter((r) => r.method === 'POST')
			.map((r) => r.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(2);
	});

	it('Max Attempts in Request Options bounds the retries', async () => {
		await fx.sim.control.addFault({ kind: 'status', status: 502, count: 5, path: '/contacts/2' });
		const error = await failure(
			runHueChat({
				credentials: fx.credentials,
				parameters: { ...getContact(2), requestOptions: { maxAttempts: 2 } } as never,
			}),
		);
		expect(error.description).toMatch(/Tried 2 times/);
		expect(await fx.requests()).toHaveLength(2);
	});

	it('stopping the execution stops a rate-limit wait at once', async () => {
		await fx.sim.control.addFault({
			kind: 'status',
			status: 429,
			retryAfter: 30,
			count: 1,
			path: '/contacts/2',
		});
		const stop = new AbortController();
		const started = Date.now();
		const running = failure(
			runHueChat({
				credentials: fx.credentials,
				parameters: getContact(2) as never,
				abortSignal: stop.signal,
			}),
		);
		await new Promise((resolve) => setTimeout(resolve, 300));
		stop.abort();
		const error = await running;
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(error.message).toMatch(/cancelled/);
		expect(await fx.requests()).toHaveLength(1);
	});
});
