import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('label', { contacts: 12, reseed: true });
const { run } = suite;

describe('Label', () => {
	it('Get Many reads the labels from the payload; Limit cuts them', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: true });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'GET',
			'/api/v1/accounts/1/labels',
			200,
		]);
		expect(items).toHaveLength(10);
		expect(items[0].json).toEqual({
			id: 1,
			title: 'billing',
			description: 'Payments, invoices and refunds',
			color: '#1f93ff',
			show_on_sidebar: true,
		});
		expect((await run({ operation: 'getAll', limit: 3 })).items.map((i) => i.json.title)).toEqual([
			'billing',
			'bug',
			'churn-risk',
		]);
	});

	it('Get returns the bare label', async () => {
		const { items } = await run({ operation: 'get', labelId: byId(2) });
		expect((await suite.fx.requests())[0].path).toBe('/api/v1/accounts/1/labels/2');
		expect(items[0].json).toMatchObject({ id: 2, title: 'bug' });
	});

	it('Create sends the title and fields; HueChat stores the title in lower case', async () => {
		const { items } = await run({
			operation: 'create',
			title: 'Follow_Up-2',
			labelFields: { color: '#FF8800', description: 'Call back', showOnSidebar: false },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/labels',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.body).toEqual({
			title: 'Follow_Up-2',
			color: '#FF8800',
			description: 'Call back',
			show_on_sidebar: false,
		});
		expect(items[0].json).toEqual({
			id: 11,
			title: 'follow_up-2',
			color: '#FF8800',
			description: 'Call back',
			show_on_sidebar: false,
		});
	});

	it.each([
		[{ title: 'follow up' }, /'Title' must be letters, digits, - and _ only/],
		[{ title: 'vip!' }, /'Title' must be letters, digits, - and _ only/],
		[{ title: '' }, /'Title' must be letters, digits, - and _ only/],
		[{ title: 'ok', labelFields: { color: 'red' } }, /'Color' must be a hex color/],
	])('Create refuses %j before sending', async (fields, message) => {
		await expect(run({ operation: 'create', ...fields })).rejects.toThrow(message);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('a duplicate title comes back as HueChat’s 422', async () => {
		await expect(run({ operation: 'create', title: 'VIP' })).rejects.toThrow(
			/HueChat 422.*title.*already been taken/,
		);
	});

	it('Update renames with PATCH; a bad title or no field is refused before sending', async () => {
		const { items } = await run({
			operation: 'update',
			labelId: byId(10),
			labelUpdateFields: { title: 'vvip' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'PATCH',
			'/api/v1/accounts/1/labels/10',
			{ title: 'vvip' },
		]);
		expect(items[0].json).toMatchObject({ id: 10, title: 'vvip' });
		await suite.fx.clearRequests();
		await expect(
			run({ operation: 'update', labelId: byId(10), labelUpdateFields: { title: 'v v' } }),
		).rejects.toThrow(/'Title' must be/);
		await expect(
			run({ operation: 'update', labelId: byId(10), labelUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true}', async () => {
		const { items } = await run({ operation: 'delete', labelId: byId(3) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/labels/3',
			v1Status(suite.fx, 'delete'),
		]);
	});
});
