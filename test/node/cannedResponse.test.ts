import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('cannedResponse', { contacts: 12, reseed: true });
const { run } = suite;

describe('Canned Response', () => {
	it('Get Many reads the bare array; Search goes to HueChat as ?search=', async () => {
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.short_code)).toEqual([
			'greeting',
			'refund',
			'shipping',
			'goodbye',
		]);
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			cannedResponseFilters: { search: 'help' },
		});
		const requests = await suite.fx.requests();
		expect([requests[0].method, requests[0].path]).toEqual([
			'GET',
			'/api/v1/accounts/1/canned_responses',
		]);
		expect(requests[1].query).toEqual({ search: 'help' });
		expect(items.map((i) => i.json.short_code)).toEqual(['greeting', 'goodbye']);
		expect(items[0].json).toMatchObject({
			id: 1,
			content: expect.stringContaining('How can we help'),
		});
	});

	it('Create sends short_code and content', async () => {
		const { items } = await run({
			operation: 'create',
			shortCode: 'hours',
			cannedResponseContent: 'We are open 9–17, {{contact.name}}.',
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/canned_responses',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.body).toEqual({
			short_code: 'hours',
			content: 'We are open 9–17, {{contact.name}}.',
		});
		expect(items[0].json).toMatchObject({
			id: 5,
			short_code: 'hours',
			content: 'We are open 9–17, {{contact.name}}.',
		});
	});

	it('Create refuses an empty short code or content before sending; a taken short code is HueChat’s 422', async () => {
		await expect(
			run({ operation: 'create', shortCode: ' ', cannedResponseContent: 'x' }),
		).rejects.toThrow(/'Short Code' must be a value/);
		await expect(
			run({ operation: 'create', shortCode: 'x', cannedResponseContent: '' }),
		).rejects.toThrow(/'Content' must be a value/);
		expect(await suite.fx.requests()).toHaveLength(0);
		await expect(
			run({ operation: 'create', shortCode: 'refund', cannedResponseContent: 'x' }),
		).rejects.toThrow(/short_code.*already been taken/);
	});

	it('Update sends the fields set with PATCH; an empty update is refused', async () => {
		const { items } = await run({
			operation: 'update',
			cannedResponseId: byId(2),
			cannedResponseUpdateFields: { content: 'Refunds take 3 days.' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'PATCH',
			'/api/v1/accounts/1/canned_responses/2',
			{ content: 'Refunds take 3 days.' },
		]);
		expect(items[0].json).toMatchObject({
			id: 2,
			short_code: 'refund',
			content: 'Refunds take 3 days.',
		});
		await suite.fx.clearRequests();
		await expect(
			run({ operation: 'update', cannedResponseId: byId(2), cannedResponseUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true}', async () => {
		const { items } = await run({ operation: 'delete', cannedResponseId: byId(4) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/canned_responses/4',
			v1Status(suite.fx, 'delete'),
		]);
	});
});
