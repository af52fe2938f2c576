import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('inbox', { contacts: 12, reseed: true });
const { run } = suite;

const ids = (items: { json: { id?: unknown } }[]) => items.map((item) => item.json.id);

describe('Inbox', () => {
	it('Get Many returns every inbox of the payload, simplified by default; Limit cuts the list', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: true });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'GET',
			'/api/v1/accounts/1/inboxes',
			200,
		]);
		expect(ids(items)).toEqual([1, 2, 3]);
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'channel_type',
				'email',
				'enable_auto_assignment',
				'greeting_enabled',
				'id',
				'name',
				'phone_number',
				'timezone',
				'webhook_url',
				'website_url',
			].sort(),
		);
		expect(items[2].json).toMatchObject({
			name: 'WhatsApp',
			channel_type: 'Channel::Whatsapp',
			phone_number: '+971500000001',
		});
		const limited = await run({ operation: 'getAll', returnAll: false, limit: 2, simplify: false });
		expect(ids(limited.items)).toEqual([1, 2]);
		expect(limited.items[0].json).toHaveProperty('working_hours');
	});

	it('Get by ID and by dashboard URL returns the bare inbox', async () => {
		const { items } = await run({ operation: 'get', inboxId: byId(2), simplify: false });
		expect(items[0].json).toMatchObject({
			id: 2,
			name: 'Website',
			website_url: 'https://www.huechat-demo.test',
			widget_color: '#1f93ff',
		});
		const byUrl = await run({
			operation: 'get',
			inboxId: {
				__rl: true,
				mode: 'url',
				value: 'https://app.huechat.ai/app/accounts/1/settings/inboxes/3',
				__regex: 'https?://.+/app/accounts/\\d+/settings/inboxes/(\\d+)',
			},
		});
		expect(byUrl.items[0].json).toMatchObject({ id: 3, name: 'WhatsApp' });
		expect((await suite.fx.requests()).map((r) => r.path)).toEqual([
			'/api/v1/accounts/1/inboxes/2',
			'/api/v1/accounts/1/inboxes/3',
		]);
	});

	it('Create sends name, channel {type, its required field, optional channel fields} and settings', async () => {
		const { items } = await run({
			operation: 'create',
			inboxName: 'Site Chat',
			channelType: 'web_widget',
			websiteUrl: 'https://shop.example.com',
			inboxFields: {
				greetingEnabled: true,
				greetingMessage: 'Hello!',
				timezone: 'Europe/Berlin',
				widgetColor: '#ff0000',
				welcomeTitle: 'Hi',
			},
			simplify: false,
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/inboxes',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.body).toEqual({
			name: 'Site Chat',
			channel: {
				type: 'web_widget',
				website_url: 'https://shop.example.com',
				widget_color: '#ff0000',
				welcome_title: 'Hi',
			},
			greeting_enabled: true,
			greeting_message: 'Hello!',
			timezone: 'Europe/Berlin',
		});
		expect(items[0].json).toMatchObject({
			id: 4,
			name: 'Site Chat',
			channel_type: 'Channel::WebWidget',
			website_url: 'https://shop.example.com',
			timezone: 'Europe/Berlin',
			widget_color: '#ff0000',
		});
	});

	it('Create a WhatsApp inbox sends the phone number and the provider; secrets are not echoed', async () => {
		const { items } = await run({
			operation: 'create',
			inboxName: 'WA 2',
			channelType: 'whatsapp',
			phoneNumber: '+971500000009',
			inboxFields: { whatsappProvider: 'default' },
		});
		const [request] = await suite.fx.requests();
		expect(request.body).toEqual({
			name: 'WA 2',
			channel: { type: 'whatsapp', phone_number: '+971500000009', provider: 'default' },
		});
		expect(items[0].json).toMatchObject({
			name: 'WA 2',
			channel_type: 'Channel::Whatsapp',
			phone_number: '+971500000009',
		});
	});

	it.each([
		[{ channelType: 'email', channelEmail: 'not-an-email' }, /'Email' must be an email address/],
		[
			{ channelType: 'sms', phoneNumber: '0044 7700' },
			/'Phone Number' must be a phone number in E\.164/,
		],
		[{ channelType: 'telegram', botToken: '' }, /'Bot Token' is required for telegram inboxes/],
		[
			{ channelType: 'api', inboxFields: { timezone: 'Mars/Olympus' } },
			/'Timezone' must be an IANA time zone/,
		],
	])('Create refuses bad input %j before sending', async (fields, message) => {
		await expect(run({ operation: 'create', inboxName: 'X', ...fields })).rejects.toThrow(message);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Update sends only the fields set, with PATCH; no fields is refused naming the settable ones', async () => {
		const { items } = await run({
			operation: 'update',
			inboxId: byId(1),
			inboxUpdateFields: {
				name: 'API v2',
				webhookUrl: 'https://example.com/hook',
				enableAutoAssignment: false,
			},
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual(['PATCH', '/api/v1/accounts/1/inboxes/1']);
		expect(request.body).toEqual({
			name: 'API v2',
			enable_auto_assignment: false,
			channel: { webhook_url: 'https://example.com/hook' },
		});
		expect(items[0].json).toMatchObject({
			id: 1,
			name: 'API v2',
			enable_auto_assignment: false,
			webhook_url: 'https://example.com/hook',
		});
		await suite.fx.clearRequests();
		const refusal = run({ operation: 'update', inboxId: byId(1), inboxUpdateFields: {} });
		await expect(refusal).rejects.toThrow(/Nothing to update/);
		await expect(refusal).rejects.toMatchObject({
			description: expect.stringMatching(/Greeting Message.*Timezone.*Webhook URL/),
		});
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true}', async () => {
		const { items } = await run({ operation: 'delete', inboxId: byId(3) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/inboxes/3',
			v1Status(suite.fx, 'delete'),
		]);
	});

	it('Get Agents lists the members from the payload', async () => {
		const { items } = await run({ operation: 'getAgents', inboxId: byId(2), returnAll: true });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual(['GET', '/api/v1/accounts/1/inbox_members/2']);
		expect(ids(items)).toEqual([2, 3, 4]);
		expect(items[0].json).toMatchObject({ id: 2, name: 'Ravi Agent', role: 'agent' });
	});

	it('Add Agents posts inbox_id and user_ids; returns every member', async () => {
		const { items } = await run({ operation: 'addAgents', inboxId: byId(1), agentIds: [3, 4] });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/inbox_members',
			200,
		]);
		expect(request.body).toEqual({ inbox_id: 1, user_ids: [3, 4] });
		expect(ids(items)).toEqual([1, 2, 3, 4]);
	});

	it('Set Agents replaces the members (PATCH), IDs given by an expression as text', async () => {
		const { items } = await run({
			operation: 'setAgents',
			inboxId: byId(3),
			agentIds: '={{ "2, 4" }}',
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual(['PATCH', '/api/v1/accounts/1/inbox_members']);
		expect(request.body).toEqual({ inbox_id: 3, user_ids: [2, 4] });
		expect(ids(items)).toEqual([2, 4]);
	});

	it('Remove Agents sends a DELETE with a body; returns the agents left', async () => {
		const { items } = await run({ operation: 'removeAgents', inboxId: byId(2), agentIds: [2] });
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/inbox_members',
			200,
		]);
		expect(request.body).toEqual({ inbox_id: 2, user_ids: [2] });
		expect(ids(items)).toEqual([3, 4]);
	});

	it.each([
		[{ agentIds: [] }, /'Agents' needs at least one agent/],
		[{ agentIds: '={{ "2, x" }}' }, /'Agents' must be agent IDs/],
		[{ agentIds: [2], inboxId: byId('0') }, /'Inbox' must be a positive whole number/],
	])('member operations refuse %j before sending', async (fields, message) => {
		await expect(run({ operation: 'addAgents', inboxId: byId(1), ...fields })).rejects.toThrow(
			message,
		);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('an agent who is not in the account comes back as HueChat’s 422', async () => {
		await expect(run({ operation: 'addAgents', inboxId: byId(1), agentIds: [99] })).rejects.toThrow(
			/not agents of this account: 99/,
		);
	});
});
