import { DEFAULT_MAX_CONCURRENCY } from '../../nodes/shared/transport/pacing';
import { byId, mostInFlight, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('contact', { contacts: 1_050 });
const { run } = suite;

describe('Contact', () => {
	it('Create sends the fields as HueChat names them, with the token only in api_access_token and an Idempotency-Key', async () => {
		const { items } = await run({
			operation: 'create',
			contactName: 'Ada Lovelace',
			contactFields: {
				email: 'ada@example.com',
				phoneNumber: '+447700900123',
				company: 'Analytical Engines',
				customAttributes: '{"plan":"pro"}',
			},
		});
		const [request] = await suite.fx.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/v1/accounts/1/contacts');
		expect(request.body).toEqual({
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			phone_number: '+447700900123',
			additional_attributes: { company_name: 'Analytical Engines' },
			custom_attributes: { plan: 'pro' },
		});
		expect(request.headers['api_access_token']).toBe(suite.fx.credentials.apiToken);
		expect(request.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(request.status).toBe(v1Status(suite.fx, 'create'));
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			phone_number: '+447700900123',
		});
		const stored = (await suite.fx.sim.control.collection('contacts')) as Array<{
			id: number;
			email: string;
		}>;
		expect(stored.find((c) => c.email === 'ada@example.com')?.id).toBe(items[0].json.id);
	});

	it('Get returns the contact, simplified by default and raw when Simplify is off', async () => {
		const simplified = await run({ operation: 'get', contactId: byId(3) });
		expect(Object.keys(simplified.items[0].json).sort()).toEqual(
			[
				'blocked',
				'company',
				'created_at',
				'custom_attributes',
				'email',
				'id',
				'identifier',
				'last_activity_at',
				'name',
				'phone_number',
			].sort(),
		);
		expect(simplified.items[0].json.id).toBe(3);
		const raw = await run({ operation: 'get', contactId: byId(3), simplify: false });
		expect(raw.items[0].json).toHaveProperty('additional_attributes');
		expect(raw.items[0].json.id).toBe(3);
		expect((await suite.fx.requests()).map((r) => r.path)).toEqual([
			'/api/v1/accounts/1/contacts/3',
			'/api/v1/accounts/1/contacts/3',
		]);
	});

	it('Get accepts the contact by dashboard URL', async () => {
		const { items } = await run({
			operation: 'get',
			contactId: {
				__rl: true,
				mode: 'url',
				value: 'https://app.huechat.ai/app/accounts/1/contacts/7',
				__regex: 'https?://.+/app/accounts/\\d+/contacts/(\\d+)',
			},
		});
		expect(items[0].json.id).toBe(7);
	});

	it('Get Many with Return All reads page 1, then every other page once, side by side: no item missing or repeated', async () => {
		const total = ((await suite.fx.sim.control.collection('contacts')) as unknown[]).length;
		expect(total).toBeGreaterThanOrEqual(1_000);
		const pageCount = Math.ceil(total / 15);
		// 40 ms a page makes the overlap visible in the simulator's log
		suite.fx.sim.control.addFault({
			kind: 'latency',
			latencyMs: 40,
			path: '/contacts',
			count: pageCount,
		});
		const { items, credentialReads } = await run({
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		const ids = items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(total);
		// the credential is read for the item, not again for each of its pages
		expect(credentialReads).toBeLessThanOrEqual(2);
		expect(ids).toHaveLength(total);
		// in the list's order
		const stored = (
			(await suite.fx.sim.control.collection('contacts')) as Array<{ id: number }>
		).map((c) => c.id);
		expect(ids).toEqual(
			stored
				.slice()
				.sort((a, b) => a - b)
				.slice(0, total),
		);
		const requests = await suite.fx.requests();
		expect(Number(requests[0].query.page)).toBe(1);
		expect(requests.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: pageCount }, (_, i) => i + 1),
		);
		// side by side, at most the default Max Concurrent Requests (this key's window is roomy: the pacer may use them)
		expect(mostInFlight(requests)).toBeGreaterThan(1);
		expect(mostInFlight(requests)).toBeLessThanOrEqual(DEFAULT_MAX_CONCURRENCY);
	});

	it('Get Many with Return All follows a list that grew while it was read to its end', async () => {
		const before = ((await suite.fx.sim.control.collection('contacts')) as unknown[]).length;
		const pageCount = Math.ceil(before / 15);
		// pages 2 to the last but one are slow: contacts are added after page 1 told the count, before the last page
		suite.fx.sim.control.addFault({
			kind: 'latency',
			latencyMs: 0,
			method: 'GET',
			path: '/contacts',
			count: 1,
		});
		suite.fx.sim.control.addFault({
			kind: 'latency',
			latencyMs: 50,
			method: 'GET',
			path: '/contacts',
			count: pageCount - 2,
		});
		const reading = run({ operation: 'getAll', returnAll: true, simplify: false });
		// the read settles before any check below can fail, so it never runs on into the next test
		let settled = false;
		const read = reading.catch(() => undefined).finally(() => (settled = true));
		const created: number[] = [];
		try {
			const firstAnswered = async () =>
				(await suite.fx.requests()).some((r) => r.query.page === '1' && r.status === 200);
			while (!settled && !(await firstAnswered()))
				await new Promise((resolve) => setTimeout(resolve, 5));
			for (let n = 0; n < 20; n++) {
				const answer = await fetch(`${suite.fx.sim.url}/api/v1/accounts/1/contacts`, {
					method: 'POST',
					headers: {
						api_access_token: suite.fx.credentials.apiToken,
						'content-type': 'application/json',
					},
					body: JSON.stringify({ name: `Late ${n}`, email: `late${n}@example.com` }),
				});
				created.push(answer.status);
			}
		} finally {
			await read;
			// latency meant for pages a failed read never asked for
			suite.fx.sim.control.clearFaults();
		}
		expect(created).toEqual(Array(20).fill(v1Status(suite.fx, 'create')));
		const { items } = await reading;
		const ids = items.map((item) => item.json.id);
		expect(ids).toHaveLength(before + 20);
		expect(new Set(ids).size).toBe(before + 20);
		const pages = (await suite.fx.requests())
			.filter((r) => r.method === 'GET')
			.map((r) => Number(r.query.page));
		expect(pages.sort((a, b) => a - b)).toEqual(
			Array.from({ length: Math.ceil((before + 20) / 15) }, (_, i) => i + 1),
		);
	});

	it('Get Many with Max Concurrent Requests 1 reads the pages one after the other, in order', async () => {
		const total = ((await suite.fx.sim.control.collection('contacts')) as unknown[]).length;
		suite.fx.sim.control.addFault({ kind: 'latency', latencyMs: 5, path: '/contacts', count: 10 });
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			requestOptions: { maxConcurrency: 1 },
		});
		expect(items).toHaveLength(total);
		const requests = await suite.fx.requests();
		expect(requests.map((r) => Number(r.query.page))).toEqual(
			Array.from({ length: Math.ceil(total / 15) }, (_, i) => i + 1),
		);
		expect(mostInFlight(requests)).toBe(1);
	});

	it('Get Many with a Limit stops after the pages it needs', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: false, limit: 20 });
		expect(items).toHaveLength(20);
		expect((await suite.fx.requests()).map((r) => r.query.page)).toEqual(['1', '2']);
		const fifty = await run({ operation: 'getAll', returnAll: false, limit: 50, simplify: false });
		expect(fifty.items.map((item) => item.json.id)).toEqual(
			Array.from({ length: 50 }, (_, i) => i + 1),
		);
	});

	it('a page HueChat refuses fails the item (paired, under Continue On Fail) and stops the pages not yet asked for', async () => {
		const pageCount = Math.ceil(
			((await suite.fx.sim.control.collection('contacts')) as unknown[]).length / 15,
		);
		// faults apply in order to the next matching requests: page 1 is slow but fine, the next page is refused (400,
		// never retried) while the pages started next to it are still under way
		suite.fx.sim.control.addFault({ kind: 'latency', latencyMs: 20, path: '/contacts', count: 1 });
		suite.fx.sim.control.addFault({ kind: 'status', status: 400, path: '/contacts', count: 1 });
		suite.fx.sim.control.addFault({ kind: 'latency', latencyMs: 50, path: '/contacts', count: 8 });
		const { items } = await run(
			{ operation: 'getAll', returnAll: true, requestOptions: { maxConcurrency: 4 } },
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({});
		expect(items[0].error?.message).toMatch(/400|bad request|invalid/i);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const requests = await suite.fx.requests();
		expect(requests.filter((r) => r.status === 400)).toHaveLength(1);
		expect(requests.length).toBeLessThanOrEqual(1 + 4 + 3);
		expect(requests.length).toBeLessThan(pageCount);
		suite.fx.sim.control.clearFaults();
	});

	it('Get Many sorts server-side, descending with a leading minus', async () => {
		const { items } = await run({
			operation: 'getAll',
			limit: 5,
			sort: { sortBy: 'name', descending: true },
		});
		expect((await suite.fx.requests())[0].query.sort).toBe('-name');
		const names = items.map((i) => String(i.json.name));
		expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
	});

	it('Search follows has_more and returns only matches', async () => {
		const contacts = (await suite.fx.sim.control.collection('contacts')) as Array<{
			email: string;
		}>;
		const needle = contacts[10].email.split('@')[0];
		const { items } = await run({ operation: 'search', query: needle, returnAll: true });
		expect(items.length).toBeGreaterThanOrEqual(1);
		for (const item of items)
			expect(JSON.stringify(item.json).toLowerCase()).toContain(needle.toLowerCase());
		const [first] = await suite.fx.requests();
		expect(first.path).toBe('/api/v1/accounts/1/contacts/search');
		expect(first.query.q).toBe(needle);
	});

	it('Update sends only the fields set, with PUT', async () => {
		const { items } = await run({
			operation: 'update',
			contactId: byId(5),
			contactUpdateFields: { name: 'Renamed Person', customAttributes: '{"tier":"gold"}' },
		});
		const [request] = await suite.fx.requests();
		expect(request.method).toBe('PUT');
		expect(request.body).toEqual({ name: 'Renamed Person', custom_attributes: { tier: 'gold' } });
		expect(items[0].json).toMatchObject({ id: 5, name: 'Renamed Person' });
	});

	it('Update with no fields is refused before any request, naming what can be set', async () => {
		await expect(
			run({ operation: 'update', contactId: byId(5), contactUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true} and the contact is gone', async () => {
		const { items } = await run({ operation: 'delete', contactId: byId(9) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/contacts/9',
			v1Status(suite.fx, 'delete'),
		]);
		const stored = (await suite.fx.sim.control.collection('contacts')) as Array<{ id: number }>;
		expect(stored.some((c) => c.id === 9)).toBe(false);
	});

	it.each([
		[{ email: 'not-an-email' }, /'Email' must be an email address/],
		[{ phoneNumber: '0044 7700' }, /'Phone Number' must be a phone number in E\.164/],
		[{ customAttributes: '{plan: pro' }, /'Custom Attributes' must be a JSON object/],
	])('Create refuses bad input %j before sending', async (contactFields, message) => {
		await expect(run({ operation: 'create', contactName: 'X', contactFields })).rejects.toThrow(
			message,
		);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Get refuses an ID that is not a positive whole number', async () => {
		await expect(run({ operation: 'get', contactId: byId('12abc') })).rejects.toThrow(
			/'Contact' must be a positive whole number/,
		);
		expect(await suite.fx.requests()).toHaveLength(0);
	});
});
