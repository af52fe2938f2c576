// The control surface (programmatic and /__sim/ over HTTP), queued faults and the CLI.
import { spawn } from 'node:child_process';
import { findRepoRoot } from '../../simulator/paths.ts';
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { api, DEMO_TOKEN, expectErrorBody, expectRateLimitHeaders, V1 } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ contacts: 20 });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.control.reset();
});

async function control(
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: unknown }> {
	const res = await fetch(`${sim.url}/__sim/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('faults', () => {
	test('a status fault answers the error body with rate-limit headers, once by default, before any handler runs', async () => {
		sim.control.addFault({ kind: 'status', status: 503, path: '/contacts', method: 'POST' });
		const faulted = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'F', email: 'f@example.com' },
			conform: false,
		});
		expect(faulted.status).toBe(503);
		expect(faulted.body).toEqual({
			error: 'Simulated 503 fault',
			code: 'service_unavailable',
			status: 503,
		});
		expectRateLimitHeaders(faulted.headers);
		expect(sim.store.contacts.size).toBe(20);
		const next = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'F', email: 'f@example.com' },
		});
		expect(next.status).toBe(201);
		expect(sim.control.faults()).toEqual([]);
	});

	test('a 429 fault carries Retry-After; count, method, /regex/ path and a custom body are honoured', async () => {
		sim.control.addFault({
			kind: 'status',
			status: 429,
			count: 2,
			retryAfter: 3,
			path: '/contacts/\\d+$/',
			method: 'get',
		});
		sim.control.addFault({
			kind: 'status',
			status: 500,
			path: '/profile',
			body: { error: 'boom', code: 'internal_error', status: 500, trace: 'x' },
		});
		expect((await api(sim, 'GET', `${V1}/contacts`)).status).toBe(200);
		expect((await api(sim, 'PUT', `${V1}/contacts/1`, { body: { name: 'x' } })).status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const limited = await api(sim, 'GET', `${V1}/contacts/1`, { conform: false });
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('3');
			expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(limited.body.code).toBe('rate_limited');
		}
		expect((await api(sim, 'GET', `${V1}/contacts/1`)).status).toBe(200);
		const custom = await api(sim, 'GET', '/api/v1/profile', { conform: false });
		expect(custom.body).toEqual({ error: 'boom', code: 'internal_error', status: 500, trace: 'x' });
	});

	test('a drop fault closes the connection without an answer and changes nothing', async () => {
		sim.control.addFault({ kind: 'drop', method: 'POST', path: '/messages' });
		const messages = sim.store.messages.size;
		await expect(
			fetch(`${sim.url}${V1}/conversations/1/messages`, {
				method: 'POST',
				headers: { api_access_token: DEMO_TOKEN, 'content-type': 'application/json' },
				body: JSON.stringify({ content: 'lost' }),
			}),
		).rejects.toThrow();
		expect(sim.store.messages.size).toBe(messages);
		const log = sim.control.requests();
		expect(log[log.length - 1]).toMatchObject({
			method: 'POST',
			status: null,
			body: { content: 'lost' },
		});
		expect(
			(await api(sim, 'POST', `${V1}/conversations/1/messages`, { body: { content: 'kept' } }))
				.status,
		).toBe(201);
	});

	test('a latency fault delays the answer, then answers normally', async () => {
		sim.control.addFault({ kind: 'latency', latencyMs: 300, path: '/profile' });
		const started = Date.now();
		const res = await api(sim, 'GET', '/api/v1/profile');
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		const quick = Date.now();
		await api(sim, 'GET', '/api/v1/profile');
		expect(Date.now() - quick).toBeLessThan(250);
	});

	test('invalid fault specs are rejected', () => {
		expect(() => sim.control.addFault({ kind: 'status' })).toThrow(/status/);
		expect(() => sim.control.addFault({ kind: 'explode' as never })).toThrow(/kind/);
		expect(() => sim.control.addFault({ kind: 'drop', count: 0 })).toThrow(/count/);
	});
});

describe('request log', () => {
	test('records method, path, query, headers, body and status; since=<seq> returns only newer ones', async () => {
		await api(sim, 'GET', `${V1}/contacts?page=2&labels[]=vip`);
		const [first] = sim.control.requests();
		expect(first).toMatchObject({
			method: 'GET',
			path: `${V1}/contacts`,
			query: { page: '2', 'labels[]': 'vip' },
			status: 200,
			body: null,
		});
		expect(first.headers.api_access_token).toBe(DEMO_TOKEN);
		await api(sim, 'POST', `${V1}/contacts`, { body: { name: 'Logged' } });
		const newer = sim.control.requests(first.seq);
		expect(newer).toHaveLength(1);
		expect(newer[0]).toMatchObject({
			seq: first.seq + 1,
			method: 'POST',
			body: { name: 'Logged' },
			status: 201,
		});
		sim.control.clearRequests();
		expect(sim.control.requests()).toEqual([]);
		await api(sim, 'GET', '/api/v1/profile');
		expect(sim.control.requests()[0].seq).toBeGreaterThan(newer[0].seq);
	});
});

describe('control over HTTP', () => {
	test('keys, faults, requests, store and reset', async () => {
		const key = await control('POST', 'keys', { scopes: ['contacts:read'], rpm: 5 });
		expect(key.status).toBe(201);
		const token = (key.body as { token: string }).token;
		expect(token).toMatch(/^hc_test_[0-9a-f]+$/);
		expect(key.body).toMatchObject({
			scopes: ['contacts:read'],
			rpm: 5,
			accountIds: [1],
			expiresAt: null,
		});
		const read = await api(sim, 'GET', `${V1}/contacts/1`, { token });
		expect(read.status).toBe(200);
		expect(read.headers.get('x-ratelimit-limit')).toBe('5');
		expect((await control('POST', 'keys', { token: 'hc_test_fixed', rpm: 0 })).status).toBe(400);
		expect((await control('POST', 'keys', { token: 'hc_test_fixed' })).body).toMatchObject({
			token: 'hc_test_fixed',
			scopes: ['*'],
			rpm: 600,
		});

		expect((await control('POST', 'faults', { kind: 'status', status: 502 })).status).toBe(201);
		expect((await control('GET', 'faults')).body).toMatchObject({
			faults: [{ kind: 'status', status: 502, remaining: 1 }],
		});
		expect((await control('DELETE', 'faults')).status).toBe(204);
		expect((await control('GET', 'faults')).body).toEqual({ faults: [] });
		expect((await control('POST', 'faults', { kind: 'nope' })).status).toBe(400);

		const requests = (await control('GET', 'requests')).body as {
			requests: { seq: number; path: string }[];
		};
		expect(requests.requests.map((r) => r.path)).toEqual([`${V1}/contacts/1`]);
		const since = (await control('GET', `requests?since=${requests.requests[0].seq}`)).body as {
			requests: unknown[];
		};
		expect(since.requests).toEqual([]);
		expect((await control('DELETE', 'requests')).status).toBe(204);

		const contacts = await control('GET', 'store/contacts');
		expect(contacts.body).toHaveLength(20);
		expect((await control('GET', 'store/conversations')).body).toHaveLength(100);
		expect((await control('GET', 'store/unicorns')).status).toBe(404);

		expect((await control('POST', 'reset', { contacts: 3 })).status).toBe(200);
		expect(sim.store.contacts.size).toBe(3);
		expect((await api(sim, 'GET', '/api/v1/profile', { token })).status).toBe(401);
		expect((await api(sim, 'GET', '/api/v1/profile')).status).toBe(200);
		expect((await control('GET', 'health')).body).toEqual({
			ok: true,
			accountId: 1,
			demoToken: DEMO_TOKEN,
		});
		expect((await control('GET', 'nothing')).status).toBe(404);
	});

	test('the control surface needs no key and is not rate limited or logged', async () => {
		const res = await fetch(`${sim.url}/__sim/store/teams`);
		expect(res.status).toBe(200);
		expect(res.headers.get('x-ratelimit-limit')).toBeNull();
		expect(sim.control.requests()).toEqual([]);
	});

	test('reset with 0 contacts leaves no conversations', () => {
		sim.control.reset({ contacts: 0 });
		expect(sim.store.contacts.size).toBe(0);
		expect(sim.store.conversations.size).toBe(0);
	});
});

describe('unknown routes', () => {
	test('404 JSON outside the API too', async () => {
		const res = await api(sim, 'GET', '/favicon.ico');
		expect(res.status).toBe(404);
		expectErrorBody(res.body, 404);
	});
});

const nodeMajor = Number(process.versions.node.split('.')[0]);
// The CLI runs .ts natively, which needs Node >= 23.6 (type stripping on by default).
(nodeMajor >= 24 ? test : test.skip)(
	'CLI: prints one line, serves, and exits cleanly on SIGTERM',
	async () => {
		const child = spawn(
			process.execPath,
			['simulator/main.ts', '--port', '0', '--contacts', '5', '--window-seconds', '30'],
			{
				cwd: findRepoRoot(),
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const line = await new Promise<string>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
				if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
			});
			child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
		});
		const match =
			/^HueChat simulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(account 1, token (hc_test_demo_0+)\)$/.exec(
				line,
			);
		expect(match).not.toBeNull();
		const profile = await fetch(`${match?.[1]}/api/v1/profile`, {
			headers: { api_access_token: match?.[3] ?? '' },
		});
		expect(profile.status).toBe(200);
		expect(profile.headers.get('x-ratelimit-limit')).toBe('600');
		const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		child.kill('SIGTERM');
		expect(await exit).toBe(0);
		expect(stdout.trim().split('\n')).toHaveLength(1);
		expect(stderr).toBe('');
	},
);
