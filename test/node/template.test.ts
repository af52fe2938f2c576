import { TEMPLATE_REVIEW_MS } from '../../simulator/resources/template.ts';
import { byId, nodeSuite } from '../helpers/simulator';
import { errorOf, ISO, recordEvents, sleep, UUID } from '../helpers/v2';

const suite = nodeSuite('template');
const { run } = suite;

const store = () => suite.fx.sim.store;
const V2 = '/api/v2/accounts/1';

describe('Template', () => {
	it('Create builds header, body, footer and buttons from fields; the template is reviewed to approved', async () => {
		const recorder = recordEvents(suite.fx);
		const { items } = await run({
			operation: 'create',
			templateName: 'delivery_notice',
			language: 'en_GB',
			category: 'utility',
			inboxId: byId(3),
			bodyText: 'Hi {{1}}, your parcel {{2}} arrives today.',
			components: {
				header: { format: 'text', text: 'Delivery today' },
				footer: { text: 'Reply STOP to opt out' },
				buttons: {
					button: {
						button: [
							{
								type: 'url',
								text: 'Track',
								url: 'https://shop.example.com/t/{{1}}',
								example: 'A1',
							},
							{ type: 'quick_reply', text: 'Thanks' },
						],
					},
				},
			},
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			`${V2}/templates`,
			201,
		]);
		expect(request.body).toEqual({
			name: 'delivery_notice',
			language: 'en_GB',
			category: 'utility',
			inbox_id: 3,
			components: [
				{ type: 'header', format: 'text', text: 'Delivery today' },
				{ type: 'body', text: 'Hi {{1}}, your parcel {{2}} arrives today.' },
				{ type: 'footer', text: 'Reply STOP to opt out' },
				{
					type: 'buttons',
					buttons: [
						{ type: 'url', text: 'Track', url: 'https://shop.example.com/t/{{1}}', example: 'A1' },
						{ type: 'quick_reply', text: 'Thanks' },
					],
				},
			],
		});
		expect(items[0].json).toMatchObject({
			name: 'delivery_notice',
			status: 'pending',
			rejected_reason: null,
		});
		expect(items[0].json.id).toMatch(UUID);
		expect(items[0].json.created_at).toMatch(ISO);
		await sleep(TEMPLATE_REVIEW_MS + 100);
		recorder.stop();
		expect(recorder.events.map((event) => event.name)).toEqual(['template.status_changed']);
		expect(recorder.events[0].data).toMatchObject({
			id: items[0].json.id,
			status: 'approved',
			previous_status: 'pending',
		});
		const got = await run({ operation: 'get', templateId: byId(String(items[0].json.id)) });
		expect(got.items[0].json).toMatchObject({
			status: 'approved',
			body: 'Hi {{1}}, your parcel {{2}} arrives today.',
		});
	});

	it('Create takes the components as JSON; a body ending with a variable is rejected with a reason', async () => {
		const components = [{ type: 'body', text: 'Come back and save {{1}}' }];
		const { items } = await run({
			operation: 'create',
			templateName: 'come_back',
			language: 'en_US',
			category: 'marketing',
			inboxId: byId(3),
			componentsInput: 'json',
			componentsJson: JSON.stringify(components),
		});
		expect((await suite.fx.requests())[0].body).toMatchObject({ components });
		await sleep(TEMPLATE_REVIEW_MS + 100);
		const got = await run({
			operation: 'get',
			templateId: byId(String(items[0].json.id)),
			simplify: false,
		});
		expect(got.items[0].json).toMatchObject({
			status: 'rejected',
			rejected_reason: expect.stringMatching(/can not start or end with a variable/),
		});
	});

	it('a template without exactly one body is a 422, unknown component fields a 400, both as error items', async () => {
		const base = {
			operation: 'create',
			templateName: 'broken_one',
			language: 'en_US',
			category: 'utility',
			inboxId: byId(3),
			componentsInput: 'json',
		};
		const twoBodies = await run(
			{ ...base, componentsJson: '[{"type":"body","text":"a"},{"type":"body","text":"b"}]' },
			{ continueOnFail: true },
		);
		expect(errorOf(twoBodies.items[0])).toMatchObject({
			httpCode: '422',
			message: expect.stringMatching(/components: must have exactly one body \(has 2\)/),
		});
		const unknown = await run(
			{ ...base, componentsJson: '[{"type":"body","text":"a","colour":"red"}]' },
			{ continueOnFail: true },
		);
		expect(errorOf(unknown.items[0])).toMatchObject({
			httpCode: '400',
			message: expect.stringMatching(/Unknown field: components\[0\]\.colour/),
		});
		const notWhatsapp = await run(
			{ ...base, inboxId: byId(1), componentsInput: 'fields', bodyText: 'Hello {{1}}, welcome.' },
			{ continueOnFail: true },
		);
		expect(errorOf(notWhatsapp.items[0]).message).toMatch(/inbox_id: must be a WhatsApp inbox/);
	});

	it('Create refuses an empty body or JSON that is not an array before any request', async () => {
		const base = {
			operation: 'create',
			templateName: 'empty_one',
			language: 'en_US',
			category: 'utility',
			inboxId: byId(3),
		};
		await expect(run({ ...base, bodyText: '   ' })).rejects.toThrow(/'Body' is empty/);
		await expect(
			run({ ...base, componentsInput: 'json', componentsJson: '{"type":"body"}' }),
		).rejects.toThrow(/'Components \(JSON\)' must be a JSON array/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Get Many filters by status and category, paging with per_page=100', async () => {
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			templateFilters: { status: 'approved', category: 'marketing' },
		});
		expect((await suite.fx.requests())[0].query).toEqual({
			page: '1',
			per_page: '100',
			status: 'approved',
			category: 'marketing',
		});
		expect(items.length).toBeGreaterThan(0);
		for (const item of items)
			expect(item.json).toMatchObject({ status: 'approved', category: 'marketing' });
		const statuses = new Set(
			(await run({ operation: 'getAll', returnAll: true })).items.map((item) => item.json.status),
		);
		expect([...statuses].sort()).toEqual(
			expect.arrayContaining(['approved', 'disabled', 'paused', 'pending', 'rejected']),
		);
	});

	it('Delete removes the template', async () => {
		const legacy = store()
			.v2OfAccount('templates', 1)
			.find((template) => template.name === 'legacy_notice')!;
		const { items } = await run({ operation: 'delete', templateId: byId(legacy.id) });
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'DELETE',
			path: `${V2}/templates/${legacy.id}`,
			status: 204,
		});
		expect(store().templates.has(legacy.id)).toBe(false);
	});
});
