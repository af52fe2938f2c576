import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('customAttribute', { contacts: 12, reseed: true });
const { run } = suite;

const keys = (items: { json: { attribute_key?: unknown } }[]) =>
	items.map((item) => item.json.attribute_key);

describe('Custom Attribute', () => {
	it('Get Many reads the bare array, optionally of one model', async () => {
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(keys(all.items)).toEqual(['plan', 'signup_date', 'order_number', 'refund_amount']);
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			customAttributeFilters: { attributeModel: 'conversation_attribute' },
		});
		const requests = await suite.fx.requests();
		expect([requests[1].method, requests[1].path, requests[1].query]).toEqual([
			'GET',
			'/api/v1/accounts/1/custom_attribute_definitions',
			{ attribute_model: 'conversation_attribute' },
		]);
		expect(keys(items)).toEqual(['order_number', 'refund_amount']);
	});

	it('Get returns the definition', async () => {
		const { items } = await run({ operation: 'get', customAttributeId: byId(1) });
		expect((await suite.fx.requests())[0].path).toBe(
			'/api/v1/accounts/1/custom_attribute_definitions/1',
		);
		expect(items[0].json).toMatchObject({
			id: 1,
			attribute_key: 'plan',
			attribute_display_type: 'list',
			attribute_values: ['free', 'starter', 'pro', 'enterprise'],
		});
	});

	it('Create sends model, name, key, display type and the list values as an array', async () => {
		const { items } = await run({
			operation: 'create',
			attributeModel: 'conversation_attribute',
			displayName: 'Channel Source',
			key: 'channel_source',
			displayType: 'list',
			attributeValues: 'ads, referral , organic',
			customAttributeFields: { description: 'Where the lead came from' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/custom_attribute_definitions',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.body).toEqual({
			attribute_model: 'conversation_attribute',
			attribute_display_name: 'Channel Source',
			attribute_key: 'channel_source',
			attribute_display_type: 'list',
			attribute_values: ['ads', 'referral', 'organic'],
			attribute_description: 'Where the lead came from',
		});
		expect(items[0].json).toMatchObject({
			id: 5,
			attribute_model: 'conversation_attribute',
			attribute_key: 'channel_source',
			attribute_values: ['ads', 'referral', 'organic'],
		});
	});

	it.each([
		[{ displayType: 'list', attributeValues: ' , ' }, /'List Values' needs at least one value/],
		[
			{ displayType: 'text', customAttributeFields: { regexPattern: '([' } },
			/'Regex Pattern' must be a valid regular expression/,
		],
		[{ displayType: 'text', key: ' ' }, /'Key' must be a value/],
	])('Create refuses %j before sending', async (fields, message) => {
		await expect(
			run({
				operation: 'create',
				attributeModel: 'contact_attribute',
				displayName: 'X',
				key: 'x',
				...fields,
			}),
		).rejects.toThrow(message);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('a key taken in that model, or a standard one, comes back as HueChat’s 422', async () => {
		await expect(
			run({
				operation: 'create',
				attributeModel: 'contact_attribute',
				displayName: 'Plan',
				key: 'plan',
				displayType: 'text',
			}),
		).rejects.toThrow(/attribute_key.*already been taken/);
		await expect(
			run({
				operation: 'create',
				attributeModel: 'contact_attribute',
				displayName: 'E',
				key: 'email',
				displayType: 'text',
			}),
		).rejects.toThrow(/standard contact attribute/);
	});

	it('Update sends the fields set with PATCH; an empty update is refused', async () => {
		const { items } = await run({
			operation: 'update',
			customAttributeId: byId(1),
			customAttributeUpdateFields: { attributeValues: 'free, pro', displayName: 'Plan Tier' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual([
			'PATCH',
			'/api/v1/accounts/1/custom_attribute_definitions/1',
		]);
		expect(request.body).toEqual({
			attribute_values: ['free', 'pro'],
			attribute_display_name: 'Plan Tier',
		});
		expect(items[0].json).toMatchObject({
			id: 1,
			attribute_display_name: 'Plan Tier',
			attribute_values: ['free', 'pro'],
		});
		await suite.fx.clearRequests();
		await expect(
			run({ operation: 'update', customAttributeId: byId(1), customAttributeUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true}', async () => {
		const { items } = await run({ operation: 'delete', customAttributeId: byId(4) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		// 204 in both conventions: Chatwoot's controller answers this delete with head :no_content
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/custom_attribute_definitions/4',
			204,
		]);
	});
});
