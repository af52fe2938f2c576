// The general rules of docs/contract.md §1 as the simulator applies them, over real HTTP.
import * as http from 'node:http';
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import {
	alignToWindow,
	api,
	DEMO_TOKEN,
	expectErrorBody,
	expectRateLimitHeaders,
	sleep,
	V1,
} from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, contacts: 40, windowSeconds: 2 });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.control.reset();
});

describe('auth', () => {
	test('a missing key is 401 unauthorized', async () => {
		const res = await api(sim, 'GET', `${V1}/contacts`, { token: null });
		expect(res.status).toBe(401);
		expect(res.body).toMatchObject({ code: 'unauthorized', status: 401 });
		expectRateLimitHeaders(res.headers);
	});

	test('an unknown key is 401', async () => {
		const res = await api(sim, 'GET', `${V1}/contacts`, { token: 'hc_test_nope' });
		expect(res.status).toBe(401);
		expect(res.body.code).toBe('unauthorized');
	});

	test('an expired key is 401; a key expiring later works', async () => {
		const now = Math.floor(Date.now() / 1000);
		const expired = sim.control.createKey({ expiresAt: now - 1 });
		const valid = sim.control.createKey({ expiresAt: now + 3600 });
		const res = await api(sim, 'GET', '/api/v1/profile', { token: expired.token });
		expect(res.status).toBe(401);
		expect(res.body.error).toMatch(/expired/i);
		expect((await api(sim, 'GET', '/api/v1/profile', { token: valid.token })).status).toBe(200);
	});

	test('a key used on another account is 401; an account the key may use but that does not exist is 404', async () => {
		const res = await api(sim, 'GET', '/api/v1/accounts/2/contacts');
		expect(res.status).toBe(401);
		expect(res.body.error).toMatch(/account 2/);
		const both = sim.control.createKey({ accountIds: [1, 2] });
		expect(
			(await api(sim, 'GET', '/api/v1/accounts/2/contacts', { token: both.token })).status,
		).toBe(404);
	});

	test('the header is api_access_token; a Bearer Authorization header is not accepted', async () => {
		const res = await api(sim, 'GET', '/api/v1/profile', {
			token: null,
			headers: { authorization: `Bearer ${DEMO_TOKEN}` },
		});
		expect(res.status).toBe(401);
	});
});

describe('scopes', () => {
	test('GET needs <family>:read and the 403 names the missing scope', async () => {
		const key = sim.control.createKey({ scopes: ['conversations:read'] });
		const res = await api(sim, 'GET', `${V1}/contacts`, { token: key.token });
		expect(res.status).toBe(403);
		expect(res.body).toMatchObject({ code: 'insufficient_scope', status: 403 });
		expect(res.body.error).toContain('contacts:read');
		expectRateLimitHeaders(res.headers);
		expect((await api(sim, 'GET', `${V1}/conversations`, { token: key.token })).status).toBe(200);
	});

	test('POST and PUT need :write, DELETE needs :delete', async () => {
		const reader = sim.control.createKey({ scopes: ['contacts:read'] });
		const post = await api(sim, 'POST', `${V1}/contacts`, {
			token: reader.token,
			body: { name: 'A', email: 'a@example.com' },
		});
		expect(post.status).toBe(403);
		expect(post.body.error).toContain('contacts:write');
		const put = await api(sim, 'PUT', `${V1}/contacts/1`, {
			token: reader.token,
			body: { name: 'B' },
		});
		expect(put.body.error).toContain('contacts:write');
		const del = await api(sim, 'DELETE', `${V1}/contacts/1`, { token: reader.token });
		expect(del.status).toBe(403);
		expect(del.body.error).toContain('contacts:delete');
		expect(sim.store.contacts.get(1)?.name).not.toBe('B');
	});

	test('messages are their own family', async () => {
		const key = sim.control.createKey({ scopes: ['conversations:read', 'conversations:write'] });
		const res = await api(sim, 'POST', `${V1}/conversations/1/messages`, {
			token: key.token,
			body: { content: 'hi' },
		});
		expect(res.status).toBe(403);
		expect(res.body.error).toContain('messages:write');
	});

	test('* and <family>:* grant everything they cover; the profile needs no scope', async () => {
		const star = sim.control.createKey({ scopes: ['*'] });
		expect((await api(sim, 'DELETE', `${V1}/contacts/2`, { token: star.token })).status).toBe(204);
		const family = sim.control.createKey({ scopes: ['contacts:*'] });
		expect((await api(sim, 'DELETE', `${V1}/contacts/3`, { token: family.token })).status).toBe(
			204,
		);
		const none = sim.control.createKey({ scopes: [] });
		const profile = await api(sim, 'GET', '/api/v1/profile', { token: none.token });
		expect(profile.status).toBe(200);
		expect(profile.body.access_token).toBe(none.token);
	});
});

describe('rate limit', () => {
	test('every response carries the headers, 429 adds Retry-After, and the next window answers again', async () => {
		const key = sim.control.createKey({ rpm: 3 });
		await alignToWindow(2);
		const seen: Response['headers'][] = [];
		const answers = [];
		for (let i = 0; i < 4; i++) {
			const res = await api(sim, 'GET', `${V1}/contacts/1`, { token: key.token });
			answers.push(res.status);
			seen.push(res.headers);
		}
		expect(answers).toEqual([200, 200, 200, 429]);
		expect(seen.map((headers) => headers.get('x-ratelimit-remaining'))).toEqual([
			'2',
			'1',
			'0',
			'0',
		]);
		for (const headers of seen) {
			expectRateLimitHeaders(headers);
			expect(headers.get('x-ratelimit-limit')).toBe('3');
		}
		const reset = Number(seen[3].get('x-ratelimit-reset'));
		const nowSeconds = Date.now() / 1000;
		expect(reset).toBeGreaterThan(nowSeconds);
		expect(reset).toBeLessThanOrEqual(Math.ceil(nowSeconds) + 2);
		const retryAfter = Number(seen[3].get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(2);

		const limited = await api(sim, 'GET', `${V1}/contacts/1`, { token: key.token });
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({ code: 'rate_limited', status: 429 });

		await sleep(reset * 1000 - Date.now() + 50);
		const again = await api(sim, 'GET', `${V1}/contacts/1`, { token: key.token });
		expect(again.status).toBe(200);
		expect(again.headers.get('x-ratelimit-remaining')).toBe('2');
	});

	test('limits are per key', async () => {
		const a = sim.control.createKey({ rpm: 1 });
		const b = sim.control.createKey({ rpm: 1 });
		await alignToWindow(2);
		expect((await api(sim, 'GET', '/api/v1/profile', { token: a.token })).status).toBe(200);
		expect((await api(sim, 'GET', '/api/v1/profile', { token: a.token })).status).toBe(429);
		expect((await api(sim, 'GET', '/api/v1/profile', { token: b.token })).status).toBe(200);
	});

	test('headers are on 201, 204, 404, 422 and 400 answers too', async () => {
		const answers = [
			await api(sim, 'POST', `${V1}/contacts`, { body: { name: 'Hdr', email: 'hdr@example.com' } }),
			await api(sim, 'DELETE', `${V1}/contacts/5`),
			await api(sim, 'GET', `${V1}/contacts/99999`),
			await api(sim, 'POST', `${V1}/contacts`, { body: { email: 12 } }),
			await api(sim, 'POST', `${V1}/contacts`, { rawBody: '{not json' }),
			await api(sim, 'GET', '/api/v1/nowhere'),
		];
		expect(answers.map((res) => res.status)).toEqual([201, 204, 404, 422, 400, 404]);
		for (const res of answers) expectRateLimitHeaders(res.headers);
	});
});

describe('errors and validation against the document', () => {
	test('wrong types are 422 validation_failed with details naming each field', async () => {
		const res = await api(sim, 'POST', `${V1}/conversations`, {
			body: { inbox_id: 'one', contact_id: 1, status: 'closed', message: { content: 5 } },
		});
		expect(res.status).toBe(422);
		expect(res.body.code).toBe('validation_failed');
		expect(res.body.details).toEqual({
			inbox_id: ['must be an integer'],
			status: ['must be one of: open, resolved, pending, snoozed'],
			'message.content': ['must be a string or null'],
		});
	});

	test('missing required fields and query parameters of the wrong type are 422', async () => {
		const body = await api(sim, 'POST', `${V1}/conversations`, { body: { contact_id: 1 } });
		expect(body.status).toBe(422);
		expect(body.body.details).toEqual({ inbox_id: ['is required'] });
		const query = await api(sim, 'GET', `${V1}/conversations?inbox_id=abc&status=shoe_size`);
		expect(query.status).toBe(422);
		expect(Object.keys(query.body.details).sort()).toEqual(['inbox_id', 'status']);
		const search = await api(sim, 'GET', `${V1}/contacts/search`);
		expect(search.status).toBe(422);
		expect(search.body.details).toEqual({ q: ['is required'] });
	});

	test('v1 ignores unknown body fields, as Rails does', async () => {
		const res = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'Extra', email: 'extra@example.com', favourite_colour: 'teal' },
		});
		expect(res.status).toBe(201);
		expect(res.body.payload.contact).not.toHaveProperty('favourite_colour');
	});

	test('a body that is not a JSON object is 400 invalid_parameter', async () => {
		const malformed = await api(sim, 'POST', `${V1}/contacts`, { rawBody: '{"name":' });
		expect(malformed.status).toBe(400);
		expect(malformed.body).toMatchObject({ code: 'invalid_parameter', status: 400 });
		const array = await api(sim, 'POST', `${V1}/contacts`, { body: [1, 2] });
		expect(array.status).toBe(400);
	});

	test('unknown routes, unknown methods and malformed ids are 404 JSON', async () => {
		for (const [method, path] of [
			['GET', '/'],
			['GET', '/api/v1/accounts/1/unicorns'],
			['PATCH', `${V1}/contacts/1/nope`],
			['GET', `${V1}/contacts/abc`],
			['GET', `${V1}/conversations/0`],
		] as const) {
			const res = await api(sim, method, path);
			expect(res.status).toBe(404);
			expectErrorBody(res.body, 404);
			expect(res.headers.get('content-type')).toMatch(/application\/json/);
		}
	});

	test('creates answer 201 and deletes 204 with no body', async () => {
		const created = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'New', phone_number: '+4915112345678' },
		});
		expect(created.status).toBe(201);
		const deleted = await api(sim, 'DELETE', `${V1}/contacts/${created.body.payload.contact.id}`);
		expect(deleted.status).toBe(204);
		expect(deleted.body).toBeUndefined();
	});

	test('the 426 rule for plain HTTP to a remote host is opt-in', async () => {
		const strict = await startSimulator({ contacts: 1, enforceHttps: true });
		try {
			// fetch does not let a caller set Host, so send this one with node:http
			const remote = await new Promise<{ status: number; body: { code: string } }>(
				(resolve, reject) => {
					const req = http.request(
						`${strict.url}/api/v1/profile`,
						{ headers: { host: 'app.example.com', api_access_token: DEMO_TOKEN } },
						(res) => {
							let text = '';
							res.on('data', (chunk: Buffer) => (text += chunk.toString()));
							res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
						},
					);
					req.on('error', reject);
					req.end();
				},
			);
			expect(remote.status).toBe(426);
			expect(remote.body.code).toBe('upgrade_required');
			expect((await api(strict, 'GET', '/api/v1/profile')).status).toBe(200);
		} finally {
			await strict.close();
		}
	});
});

describe('idempotency', () => {
	const body = { name: 'Once', email: 'once@example.com' };

	test('the same key and body replay the first response with Idempotent-Replayed: true', async () => {
		const first = await api(sim, 'POST', `${V1}/contacts`, {
			body,
			headers: { 'Idempotency-Key': 'k-1' },
		});
		expect(first.status).toBe(201);
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		const second = await api(sim, 'POST', `${V1}/contacts`, {
			body: { email: 'once@example.com', name: 'Once' },
			headers: { 'Idempotency-Key': 'k-1' },
		});
		expect(second.status).toBe(201);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect(second.body).toEqual(first.body);
		expectRateLimitHeaders(second.headers);
		expect(
			sim.control
				.collection('contacts')
				.filter((c) => (c as { email: string }).email === 'once@example.com'),
		).toHaveLength(1);
	});

	test('the same key with another body is 409 conflict', async () => {
		await api(sim, 'POST', `${V1}/contacts`, { body, headers: { 'Idempotency-Key': 'k-2' } });
		const res = await api(sim, 'POST', `${V1}/contacts`, {
			body: { ...body, name: 'Twice' },
			headers: { 'Idempotency-Key': 'k-2' },
		});
		expect(res.status).toBe(409);
		expect(res.body).toMatchObject({ code: 'conflict', status: 409 });
	});

	test('keys are per API key, failures are not stored, and other creates are idempotent too', async () => {
		const other = sim.control.createKey();
		await api(sim, 'POST', `${V1}/contacts`, { body, headers: { 'Idempotency-Key': 'k-3' } });
		const otherKey = await api(sim, 'POST', `${V1}/contacts`, {
			token: other.token,
			body: { name: 'Mine', email: 'mine@example.com' },
			headers: { 'Idempotency-Key': 'k-3' },
		});
		expect(otherKey.status).toBe(201);
		expect(otherKey.headers.get('idempotent-replayed')).toBeNull();

		const invalid = await api(sim, 'POST', `${V1}/conversations/1/messages`, {
			body: { content: '' },
			headers: { 'Idempotency-Key': 'm-1' },
		});
		expect(invalid.status).toBe(422);
		const fixed = await api(sim, 'POST', `${V1}/conversations/1/messages`, {
			body: { content: 'hello' },
			headers: { 'Idempotency-Key': 'm-1' },
		});
		expect(fixed.status).toBe(201);
		const replay = await api(sim, 'POST', `${V1}/conversations/1/messages`, {
			body: { content: 'hello' },
			headers: { 'Idempotency-Key': 'm-1' },
		});
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		expect(replay.body.id).toBe(fixed.body.id);

		const conversation = { inbox_id: 1, contact_id: 1 };
		const c1 = await api(sim, 'POST', `${V1}/conversations`, {
			body: conversation,
			headers: { 'Idempotency-Key': 'c-1' },
		});
		const c2 = await api(sim, 'POST', `${V1}/conversations`, {
			body: conversation,
			headers: { 'Idempotency-Key': 'c-1' },
		});
		expect(c2.headers.get('idempotent-replayed')).toBe('true');
		expect(c2.body.id).toBe(c1.body.id);
	});

	test('an Idempotency-Key over 255 characters is 400; operations without the header ignore it', async () => {
		const long = await api(sim, 'POST', `${V1}/contacts`, {
			body,
			headers: { 'Idempotency-Key': 'x'.repeat(256) },
		});
		expect(long.status).toBe(400);
		const a = await api(sim, 'POST', `${V1}/conversations/1/toggle_status`, {
			body: { status: 'pending' },
			headers: { 'Idempotency-Key': 's-1' },
		});
		const b = await api(sim, 'POST', `${V1}/conversations/1/toggle_status`, {
			body: { status: 'open' },
			headers: { 'Idempotency-Key': 's-1' },
		});
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(b.body.payload.current_status).toBe('open');
	});
});
