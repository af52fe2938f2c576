import { byId, nodeSuite } from '../helpers/simulator';
import { UUID } from '../helpers/v2';

const suite = nodeSuite('pipeline', { contacts: 20 });
const { run } = suite;

describe('Pipeline', () => {
	it('Get Many returns the pipelines with their stages (id, name, position, probability)', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: true });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual(['GET', '/api/v2/accounts/1/pipelines']);
		expect(request.query).toEqual({ page: '1', per_page: '100' });
		expect(items.map((item) => item.json.name)).toEqual(['Sales', 'Partnerships']);
		const stages = items[0].json.stages as Array<Record<string, unknown>>;
		expect(stages.map((stage) => [stage.name, stage.position, stage.probability])).toEqual([
			['Lead', 1, 10],
			['Qualified', 2, 30],
			['Proposal', 3, 60],
			['Negotiation', 4, 80],
			['Closing', 5, 90],
		]);
		for (const stage of stages) expect(stage.id).toMatch(UUID);
	});

	it('Get Many with a Limit asks for only that many', async () => {
		const { items } = await run({ operation: 'getAll', limit: 1 });
		expect(items).toHaveLength(1);
		expect((await suite.fx.requests())[0].query).toEqual({ page: '1', per_page: '1' });
	});

	it('Get returns one pipeline', async () => {
		const partnerships = suite.fx.sim.store
			.v2OfAccount('pipelines', 1)
			.find((pipeline) => pipeline.name === 'Partnerships')!;
		const { items } = await run({ operation: 'get', pipelineId: byId(partnerships.id) });
		expect((await suite.fx.requests())[0].path).toBe(
			`/api/v2/accounts/1/pipelines/${partnerships.id}`,
		);
		expect(items[0].json).toMatchObject({ id: partnerships.id, name: 'Partnerships', position: 2 });
		expect((items[0].json.stages as unknown[]).length).toBe(3);
	});
});
