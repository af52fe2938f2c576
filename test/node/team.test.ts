import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('team', { contacts: 12, reseed: true });
const { run } = suite;

const ids = (items: { json: { id?: unknown } }[]) => items.map((item) => item.json.id);

describe('Team', () => {
	it('Get Many reads the bare array', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: true });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'GET',
			'/api/v1/accounts/1/teams',
			200,
		]);
		expect(items.map((i) => i.json.name)).toEqual(['sales', 'support']);
	});

	it('Get by ID and by dashboard URL', async () => {
		expect((await run({ operation: 'get', teamId: byId(2) })).items[0].json).toMatchObject({
			id: 2,
			name: 'support',
			is_member: false,
		});
		const { items } = await run({
			operation: 'get',
			teamId: {
				__rl: true,
				mode: 'url',
				value: 'https://app.huechat.ai/app/accounts/1/settings/teams/1/edit',
				__regex: 'https?://.+/app/accounts/\\d+/settings/teams/(\\d+)',
			},
		});
		expect(items[0].json).toMatchObject({ id: 1, name: 'sales' });
		expect((await suite.fx.requests()).map((r) => r.path)).toEqual([
			'/api/v1/accounts/1/teams/2',
			'/api/v1/accounts/1/teams/1',
		]);
	});

	it('Create sends name and fields; HueChat lower-cases the name and refuses a duplicate', async () => {
		const { items } = await run({
			operation: 'create',
			teamName: 'Billing',
			teamFields: { description: 'Invoices', allowAutoAssign: false },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/teams',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.body).toEqual({
			name: 'Billing',
			description: 'Invoices',
			allow_auto_assign: false,
		});
		expect(items[0].json).toMatchObject({
			id: 3,
			name: 'billing',
			description: 'Invoices',
			allow_auto_assign: false,
		});
		await expect(run({ operation: 'create', teamName: 'SALES' })).rejects.toThrow(
			/HueChat 422.*name.*already been taken/,
		);
	});

	it('Update sends the fields set with PATCH; an empty update is refused', async () => {
		const { items } = await run({
			operation: 'update',
			teamId: byId(1),
			teamUpdateFields: { name: 'Sales EMEA' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'PATCH',
			'/api/v1/accounts/1/teams/1',
			{ name: 'Sales EMEA' },
		]);
		expect(items[0].json).toMatchObject({ id: 1, name: 'sales emea' });
		await suite.fx.clearRequests();
		await expect(
			run({ operation: 'update', teamId: byId(1), teamUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true}', async () => {
		const { items } = await run({ operation: 'delete', teamId: byId(2) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/teams/2',
			v1Status(suite.fx, 'delete'),
		]);
	});

	it('Get Members reads the bare array of agents', async () => {
		const { items } = await run({ operation: 'getMembers', teamId: byId(2), returnAll: true });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual([
			'GET',
			'/api/v1/accounts/1/teams/2/team_members',
		]);
		expect(ids(items)).toEqual([3, 4]);
		expect(items[0].json).toMatchObject({ name: 'Mina Agent' });
	});

	it('Add Members posts user_ids and returns the agents newly added', async () => {
		const { items } = await run({ operation: 'addMembers', teamId: byId(2), agentIds: [2, 3] });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/teams/2/team_members',
			200,
		]);
		expect(request.body).toEqual({ user_ids: [2, 3] });
		expect(ids(items)).toEqual([2]);
	});

	it('Set Members replaces the members (PATCH); IDs from an expression array', async () => {
		const { items } = await run({
			operation: 'setMembers',
			teamId: byId(1),
			agentIds: '={{ [4, "3"] }}',
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'PATCH',
			'/api/v1/accounts/1/teams/1/team_members',
			{ user_ids: [4, 3] },
		]);
		expect(ids(items)).toEqual([3, 4]);
	});

	it('Remove Members sends a DELETE with user_ids; returns the members left', async () => {
		const { items } = await run({ operation: 'removeMembers', teamId: byId(1), agentIds: [1] });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status, request.body]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/teams/1/team_members',
			200,
			{ user_ids: [1] },
		]);
		expect(ids(items)).toEqual([2]);
	});

	it('member operations refuse bad input before sending', async () => {
		await expect(
			run({ operation: 'removeMembers', teamId: byId(1), agentIds: [] }),
		).rejects.toThrow(/'Agents' needs at least one agent/);
		await expect(
			run({ operation: 'setMembers', teamId: byId('x'), agentIds: [2] }),
		).rejects.toThrow(/'Team' must be a positive whole number/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});
});
