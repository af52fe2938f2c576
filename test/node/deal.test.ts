import { runHueChat } from '../helpers/routing';
import { byId, nodeSuite } from '../helpers/simulator';
import { errorOf, recordEvents, UUID } from '../helpers/v2';

const suite = nodeSuite('deal');
const { run } = suite;

const store = () => suite.fx.sim.store;
const pipeline = (name: string) =>
	store()
		.v2OfAccount('pipelines', 1)
		.find((p) => p.name === name)!;
const sales = () => pipeline('Sales');
const partnerships = () => pipeline('Partnerships');
const dealsWith = (externalId: string) =>
	store()
		.v2OfAccount('deals', 1)
		.filter((deal) => deal.external_id === externalId);
const V2 = '/api/v2/accounts/1';

async function createDeal(title: string, extra: Record<string, unknown> = {}) {
	const { items } = await run({
		operation: 'create',
		title,
		pipelineId: byId(sales().id),
		stageId: sales().stages[0].id,
		...extra,
	});
	return items[0].json as { id: string; stage_id: string; status: string };
}

describe('Deal', () => {
	it('Create sends the value as the exact decimal string "1250.10", end to end, with an Idempotency-Key', async () => {
		const recorder = recordEvents(suite.fx);
		const { items } = await run({
			operation: 'create',
			title: 'Annual plan for Acme',
			pipelineId: byId(sales().id),
			stageId: sales().stages[1].id,
			dealFields: {
				value: '1250.10',
				currency: 'EUR',
				externalId: 'crm-acme-1',
				contactId: 4,
				ownerId: 2,
				expectedCloseAt: '2027-03-31T00:00:00Z',
			},
		});
		recorder.stop();
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual(['POST', `${V2}/deals`, 201]);
		expect(request.body).toEqual({
			title: 'Annual plan for Acme',
			pipeline_id: sales().id,
			stage_id: sales().stages[1].id,
			value: '1250.10',
			currency: 'EUR',
			external_id: 'crm-acme-1',
			contact_id: 4,
			owner_id: 2,
			expected_close_at: 1806451200,
		});
		expect(request.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(items[0].json).toMatchObject({
			title: 'Annual plan for Acme',
			value: '1250.10',
			currency: 'EUR',
			status: 'open',
		});
		expect(typeof items[0].json.value).toBe('string');
		expect(items[0].json.id).toMatch(UUID);
		expect(store().deals.get(String(items[0].json.id))?.value).toBe('1250.10');
		expect(recorder.events.map((event) => event.name)).toEqual(['deal.created']);
	});

	it('a value given by an expression as a number is sent as its text, never rounded', async () => {
		const { items } = await run({
			operation: 'create',
			title: 'Numeric',
			pipelineId: byId(sales().id),
			stageId: sales().stages[0].id,
			dealFields: { value: 99.9 },
		});
		expect((await suite.fx.requests())[0].body).toMatchObject({ value: '99.9' });
		expect(items[0].json.value).toBe('99.9');
	});

	it.each([['1,250.10'], ['12.345'], ['12.3e4'], ['-5']])(
		'Create refuses the value %s before any request',
		async (value) => {
			await expect(
				run({
					operation: 'create',
					title: 'Bad money',
					pipelineId: byId(sales().id),
					stageId: sales().stages[0].id,
					dealFields: { value },
				}),
			).rejects.toThrow(/'Value' must be an amount such as 1250\.00/);
			expect(await suite.fx.requests()).toHaveLength(0);
		},
	);

	it('a stage that is not of the pipeline is a clear 422 error item (create and update)', async () => {
		const created = await run(
			{
				operation: 'create',
				title: 'Wrong stage',
				pipelineId: byId(sales().id),
				stageId: partnerships().stages[0].id,
			},
			{ continueOnFail: true },
		);
		const error = errorOf(created.items[0]);
		expect(error.httpCode).toBe('422');
		expect(error.message).toMatch(/stage_id: is not a stage of pipeline "Sales"/);
		expect(error.description).toMatch(/Fix the fields/);
		const deal = await createDeal('Right stage');
		const updated = await run(
			{
				operation: 'update',
				dealId: byId(deal.id),
				dealUpdateFields: { stageId: partnerships().stages[1].id },
			},
			{ continueOnFail: true },
		);
		expect(errorOf(updated.items[0]).message).toMatch(
			/^HueChat 422: .*stage_id: is not a stage of pipeline "Sales"/,
		);
		expect(store().deals.get(deal.id)?.stage_id).toBe(sales().stages[0].id);
	});

	it('Update changes only the fields sent; a stage change raises deal.stage_changed with the previous stage', async () => {
		const deal = await createDeal('Moving along', { dealFields: { value: '500.00' } });
		const recorder = recordEvents(suite.fx);
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'update',
			dealId: byId(deal.id),
			dealUpdateFields: { stageId: sales().stages[2].id },
			simplify: false,
		});
		recorder.stop();
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'PATCH',
			path: `${V2}/deals/${deal.id}`,
			body: { stage_id: sales().stages[2].id },
		});
		expect(items[0].json).toMatchObject({
			title: 'Moving along',
			value: '500.00',
			stage_id: sales().stages[2].id,
		});
		expect(recorder.events.map((event) => event.name)).toEqual([
			'deal.updated',
			'deal.stage_changed',
		]);
		expect(recorder.events[1].data).toMatchObject({
			id: deal.id,
			previous_stage_id: sales().stages[0].id,
		});
		const moved = await run({
			operation: 'update',
			dealId: byId(deal.id),
			dealUpdateFields: { pipelineId: partnerships().id, stageId: partnerships().stages[2].id },
		});
		expect(moved.items[0].json).toMatchObject({
			pipeline_id: partnerships().id,
			stage_id: partnerships().stages[2].id,
		});
	});

	it('Create or Update creates the deal once, then updates it: never a duplicate', async () => {
		const first = await run({
			operation: 'upsert',
			externalId: 'crm-upsert-1',
			title: 'First title',
			pipelineId: byId(sales().id),
			stageId: sales().stages[0].id,
			dealUpsertFields: { value: '10.00' },
		});
		let requests = await suite.fx.requests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${V2}/deals`,
			`POST ${V2}/deals`,
		]);
		expect(requests[0].query).toMatchObject({ external_id: 'crm-upsert-1' });
		expect(requests[1].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(requests[1].body).toMatchObject({
			external_id: 'crm-upsert-1',
			title: 'First title',
			value: '10.00',
		});
		expect(dealsWith('crm-upsert-1')).toHaveLength(1);
		expect(first.items[0].json).toMatchObject({ action: 'created', external_id: 'crm-upsert-1' });
		await suite.fx.clearRequests();
		const second = await run({
			operation: 'upsert',
			externalId: 'crm-upsert-1',
			title: 'Second title',
			pipelineId: byId(sales().id),
			stageId: sales().stages[3].id,
			dealUpsertFields: { value: '20.50' },
		});
		requests = await suite.fx.requests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${V2}/deals`,
			`PATCH ${V2}/deals/${String(first.items[0].json.id)}`,
		]);
		expect(requests[1].headers['idempotency-key']).toBeUndefined();
		expect(second.items[0].json).toMatchObject({
			id: first.items[0].json.id,
			title: 'Second title',
			value: '20.50',
			stage_id: sales().stages[3].id,
			action: 'updated',
		});
		expect(dealsWith('crm-upsert-1')).toHaveLength(1);
	});

	it('Create or Update with the same External ID on several items of one run: one deal, the later items update it', async () => {
		const items = [{ title: 'A' }, { title: 'B' }, { title: 'C' }];
		const { items: output } = await run(
			{
				operation: 'upsert',
				externalId: 'crm-batch-7',
				title: '={{ $json.title }}',
				pipelineId: byId(sales().id),
				stageId: sales().stages[0].id,
			},
			{ items },
		);
		expect(output).toHaveLength(3);
		expect(dealsWith('crm-batch-7')).toHaveLength(1);
		const ids = new Set(output.map((item) => item.json.id));
		expect(ids.size).toBe(1);
		const writes = (await suite.fx.requests())
			.filter((r) => r.method !== 'GET')
			.map((r) => r.method);
		expect(writes.sort()).toEqual(['PATCH', 'PATCH', 'POST']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.action).sort()).toEqual([
			'created',
			'updated',
			'updated',
		]);
	});

	it('Create or Update finds deals seeded by another system (external_id lookup, exact match)', async () => {
		const seeded = dealsWith('crm-1001')[0];
		const { items } = await run({
			operation: 'upsert',
			externalId: 'crm-1001',
			title: seeded.title,
			pipelineId: byId(seeded.pipeline_id),
			stageId: seeded.stage_id,
			dealUpsertFields: { value: '1300.00' },
		});
		expect(items[0].json).toMatchObject({ id: seeded.id, value: '1300.00' });
		expect(dealsWith('crm-1001')).toHaveLength(1);
		expect(dealsWith('crm-100')).toHaveLength(0);
	});

	it('Create or Update: a failed lookup is the item error, nothing is written, and the next run is not blocked', async () => {
		const writeOnly = await suite.fx.credentialsWith({ scopes: ['deals:write'] });
		const parameters = {
			resource: 'deal',
			operation: 'upsert',
			externalId: 'crm-locked-1',
			title: 'Locked',
			pipelineId: byId(sales().id),
			stageId: sales().stages[0].id,
		};
		const { items } = await runHueChat({
			credentials: writeOnly,
			parameters: parameters as never,
			continueOnFail: true,
		});
		expect(errorOf(items[0])).toMatchObject({
			httpCode: '403',
			message: expect.stringContaining('deals:read'),
		});
		expect((await suite.fx.requests()).map((r) => r.method)).toEqual(['GET']);
		expect(dealsWith('crm-locked-1')).toHaveLength(0);
		const retried = await run({ ...parameters });
		expect(retried.items[0].json).toMatchObject({ external_id: 'crm-locked-1', action: 'created' });
	});

	it('Get returns the deal, simplified by default', async () => {
		const seeded = dealsWith('crm-1002')[0];
		const { items } = await run({ operation: 'get', dealId: byId(seeded.id) });
		expect((await suite.fx.requests())[0].path).toBe(`${V2}/deals/${seeded.id}`);
		expect(items[0].json).toEqual({
			id: seeded.id,
			title: seeded.title,
			value: seeded.value,
			currency: seeded.currency,
			status: seeded.status,
			pipeline_id: seeded.pipeline_id,
			stage_id: seeded.stage_id,
			contact_id: seeded.contact_id,
			external_id: 'crm-1002',
			// HueChat answers unix seconds; the node outputs ISO 8601
			expected_close_at: new Date(seeded.expected_close_at! * 1000).toISOString(),
		});
	});

	it('Get Many filters (pipeline, status, external ID) and pages with per_page=100', async () => {
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			dealFilters: { pipelineId: sales().id, status: 'open' },
		});
		const [request] = await suite.fx.requests();
		expect(request.query).toEqual({
			page: '1',
			per_page: '100',
			pipeline_id: sales().id,
			status: 'open',
		});
		const expected = store()
			.v2OfAccount('deals', 1)
			.filter((deal) => deal.pipeline_id === sales().id && deal.status === 'open');
		expect(items.map((item) => item.json.id)).toEqual(expected.map((deal) => deal.id));
		const exact = await run({
			operation: 'getAll',
			returnAll: true,
			dealFilters: { externalId: 'crm-1003' },
		});
		expect(exact.items.map((item) => item.json.external_id)).toEqual(['crm-1003']);
	});

	it('Mark Won and Mark Lost close open deals (deal.won / deal.lost); closed deals are refused with 409', async () => {
		const winner = await createDeal('Winner');
		const loser = await createDeal('Loser');
		const recorder = recordEvents(suite.fx);
		await suite.fx.clearRequests();
		const won = await run({ operation: 'markWon', dealId: byId(winner.id) });
		const lost = await run({
			operation: 'markLost',
			dealId: byId(loser.id),
			lostReason: 'Budget cut',
		});
		recorder.stop();
		const requests = await suite.fx.requests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${V2}/deals/${winner.id}/won`,
			`POST ${V2}/deals/${loser.id}/lost`,
		]);
		expect(requests[1].body).toEqual({ lost_reason: 'Budget cut' });
		expect(won.items[0].json).toMatchObject({ status: 'won' });
		expect(lost.items[0].json).toMatchObject({ status: 'lost' });
		expect(recorder.events.map((event) => event.name)).toEqual(['deal.won', 'deal.lost']);
		for (const [operation, id, status] of [
			['markWon', winner.id, 'won'],
			['markLost', winner.id, 'won'],
			['markWon', loser.id, 'lost'],
		]) {
			const again = await run({ operation, dealId: byId(id) }, { continueOnFail: true });
			const error = errorOf(again.items[0]);
			expect(error.httpCode).toBe('409');
			expect(error.message).toContain(
				`is already ${status}: only open deals can be marked won or lost`,
			);
		}
	});

	it('a second deal with a taken External ID is a 422 naming external_id', async () => {
		const { items } = await run(
			{
				operation: 'create',
				title: 'Duplicate',
				pipelineId: byId(sales().id),
				stageId: sales().stages[0].id,
				dealFields: { externalId: 'crm-1004' },
			},
			{ continueOnFail: true },
		);
		expect(errorOf(items[0]).message).toMatch(/external_id: has already been taken/);
		expect(dealsWith('crm-1004')).toHaveLength(1);
	});

	it('Delete removes the deal', async () => {
		const deal = await createDeal('Short-lived');
		await suite.fx.clearRequests();
		const { items } = await run({ operation: 'delete', dealId: byId(deal.id) });
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'DELETE',
			path: `${V2}/deals/${deal.id}`,
			status: 204,
		});
		expect(store().deals.has(deal.id)).toBe(false);
	});
});
