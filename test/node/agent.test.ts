import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('agent', { contacts: 12, reseed: true });
const { run } = suite;

describe('Agent', () => {
	it('Get Many reads the bare array, by name; Limit cuts it', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: true });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'GET',
			'/api/v1/accounts/1/agents',
			200,
		]);
		expect(items.map((i) => i.json.name)).toEqual([
			'Dana Admin',
			'Mina Agent',
			'Ravi Agent',
			'Theo Agent',
		]);
		expect(items[0].json).toMatchObject({
			id: 1,
			role: 'administrator',
			email: 'admin@huechat-demo.test',
		});
		expect((await run({ operation: 'getAll', limit: 2 })).items).toHaveLength(2);
	});

	it('Create sends the email and the fields set, and returns the invited agent', async () => {
		const { items } = await run({
			operation: 'create',
			email: 'zoe@example.com',
			agentFields: {
				name: 'Zoe Park',
				role: 'administrator',
				availability: 'busy',
				autoOffline: false,
			},
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/agents',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.body).toEqual({
			email: 'zoe@example.com',
			name: 'Zoe Park',
			role: 'administrator',
			availability: 'busy',
			auto_offline: false,
		});
		expect(items[0].json).toMatchObject({
			id: 5,
			name: 'Zoe Park',
			role: 'administrator',
			availability_status: 'busy',
			confirmed: false,
		});
	});

	it('Create refuses a malformed email before sending; a taken one comes back as HueChat’s 422', async () => {
		await expect(run({ operation: 'create', email: 'zoe-at-example' })).rejects.toThrow(
			/'Email' must be an email address/,
		);
		expect(await suite.fx.requests()).toHaveLength(0);
		await expect(run({ operation: 'create', email: 'ravi@huechat-demo.test' })).rejects.toThrow(
			/email.*already been taken/,
		);
	});

	it('Update sends the fields set with PATCH; an empty update is refused', async () => {
		const { items } = await run({
			operation: 'update',
			agentId: byId(3),
			agentUpdateFields: { role: 'administrator', name: 'Mina Lead' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual(['PATCH', '/api/v1/accounts/1/agents/3']);
		expect(request.body).toEqual({ role: 'administrator', name: 'Mina Lead' });
		expect(items[0].json).toMatchObject({ id: 3, name: 'Mina Lead', role: 'administrator' });
		await suite.fx.clearRequests();
		await expect(
			run({ operation: 'update', agentId: byId(3), agentUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true}; an ID that is not a whole number is refused', async () => {
		const { items } = await run({ operation: 'delete', agentId: byId(4) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/agents/4',
			v1Status(suite.fx, 'delete'),
		]);
		await suite.fx.clearRequests();
		await expect(run({ operation: 'delete', agentId: byId('4.5') })).rejects.toThrow(
			/'Agent' must be a positive whole number/,
		);
		expect(await suite.fx.requests()).toHaveLength(0);
	});
});
