import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('conversation');
const { run } = suite;

const stored = (displayId: number) => suite.fx.sim.store.conversationByDisplayId(1, displayId)!;

describe('Conversation: counts, search, filter', () => {
	it('Get Counts sends the filters and answers the counts as one item', async () => {
		const { items } = await run({
			operation: 'getCounts',
			conversationGetCountsFilters: { status: 'all', inboxId: 2 },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path]).toEqual([
			'GET',
			'/api/v1/accounts/1/conversations/meta',
		]);
		expect(request.query).toEqual({ status: 'all', inbox_id: '2' });
		const inInbox = [...suite.fx.sim.store.conversations.values()].filter((c) => c.inbox_id === 2);
		expect(items.map((i) => i.json)).toEqual([
			{
				all_count: inInbox.length,
				assigned_count: inInbox.filter((c) => c.assignee_id !== null).length,
				unassigned_count: inInbox.filter((c) => c.assignee_id === null).length,
				mine_count: inInbox.filter((c) => c.assignee_id === 1).length,
			},
		]);
	});

	it('Search with Return All follows the pages (25 each) and returns every match once', async () => {
		const { items } = await run({ operation: 'search', query: 'order', returnAll: true });
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.path, r.query.q, r.query.page])).toEqual(
			requests.map((_, index) => [
				'/api/v1/accounts/1/conversations/search',
				'order',
				String(index + 1),
			]),
		);
		const expected = [...suite.fx.sim.store.conversations.values()].filter((c) =>
			suite.fx.sim.store
				.messagesOf(c.id)
				.some((m) => m.message_type <= 1 && m.content?.toLowerCase().includes('order')),
		);
		expect(expected.length).toBeGreaterThan(25);
		expect(requests).toHaveLength(Math.floor(expected.length / 25) + 1);
		const ids = items.map((i) => i.json.id);
		expect(new Set(ids).size).toBe(expected.length);
		expect(ids.sort()).toEqual(expected.map((c) => c.display_id).sort());
		expect(items[0].json).toHaveProperty('messages');
	});

	it('Filter builds the payload from the conditions, pages with Limit, and simplifies', async () => {
		const { items } = await run({
			operation: 'filter',
			conditions: {
				condition: [
					{ attribute: 'status', operator: 'equal_to', values: 'open, pending', join: 'AND' },
					{
						attribute: 'created_at',
						operator: 'is_greater_than',
						values: '2025-10-01T00:00:00.000Z',
						join: 'OR',
					},
				],
			},
			limit: 30,
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path, r.query.page])).toEqual([
			['POST', '/api/v1/accounts/1/conversations/filter', '1'],
			['POST', '/api/v1/accounts/1/conversations/filter', '2'],
		]);
		expect(requests[0].body).toEqual({
			payload: [
				{
					attribute_key: 'status',
					filter_operator: 'equal_to',
					values: ['open', 'pending'],
					query_operator: 'AND',
				},
				{
					attribute_key: 'created_at',
					filter_operator: 'is_greater_than',
					values: ['2025-10-01'],
					query_operator: null,
				},
			],
		});
		expect(items).toHaveLength(30);
		expect(items.every((i) => ['open', 'pending'].includes(String(i.json.status)))).toBe(true);
		expect(Object.keys(items[0].json)).toHaveLength(10);
	});

	it('Filter takes raw JSON as an alternative, and custom attributes by key', async () => {
		suite.fx.sim.store.updateConversation(stored(11), { custom_attributes: { order_id: '4411' } });
		suite.fx.sim.store.insertPlain('custom_attribute_definitions', {
			account_id: 1,
			attribute_display_name: 'Order ID',
			attribute_key: 'order_id',
			attribute_display_type: 'text',
			attribute_model: 'conversation_attribute',
			attribute_description: null,
			attribute_values: [],
			regex_pattern: null,
			regex_cue: null,
			default_value: null,
			created_at: 0,
			updated_at: 0,
		});
		const built = await run({
			operation: 'filter',
			conditions: {
				condition: [
					{
						attribute: 'custom',
						customAttributeKey: 'order_id',
						operator: 'equal_to',
						values: '4411',
					},
				],
			},
			simplify: false,
		});
		expect(built.items.map((i) => i.json.id)).toEqual([11]);
		const json = await run({
			operation: 'filter',
			filterType: 'json',
			filterJson: JSON.stringify({
				payload: [{ attribute_key: 'order_id', filter_operator: 'equal_to', values: ['4411'] }],
			}),
		});
		expect(json.items.map((i) => i.json.id)).toEqual([11]);
		expect((await suite.fx.requests())[1].body).toEqual({
			payload: [{ attribute_key: 'order_id', filter_operator: 'equal_to', values: ['4411'] }],
		});
	});

	it.each([
		[
			{ conditions: { condition: [{ attribute: 'status', operator: 'contains', values: 'op' }] } },
			/'Status' can be compared with Equal To, Not Equal To only/,
		],
		[
			{ conditions: { condition: [{ attribute: 'inbox_id', operator: 'equal_to', values: '' }] } },
			/'Values' must be set/,
		],
		[
			{
				conditions: {
					condition: [{ attribute: 'created_at', operator: 'days_before', values: 'soon' }],
				},
			},
			/whole number of days/,
		],
		[{ conditions: {} }, /Add at least one condition/],
		[{ filterType: 'json', filterJson: '{"status": "open"}' }, /must be an array of conditions/],
	])('Filter refuses %j before sending', async (parameters, message) => {
		await expect(run({ operation: 'filter', ...parameters })).rejects.toThrow(message);
		expect(await suite.fx.requests()).toHaveLength(0);
	});
});

describe('Conversation: changes', () => {
	it('Update sends the priority (None as null) and the SLA policy with PATCH', async () => {
		const { items } = await run({
			operation: 'update',
			conversationId: byId(12),
			conversationUpdateFields: { priority: 'urgent', slaPolicyId: 4 },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'PATCH',
			'/api/v1/accounts/1/conversations/12',
			{ priority: 'urgent', sla_policy_id: 4 },
		]);
		expect(items[0].json).toMatchObject({ id: 12, priority: 'urgent' });
		await run({
			operation: 'update',
			conversationId: byId(12),
			conversationUpdateFields: { priority: 'none' },
		});
		expect((await suite.fx.requests())[1].body).toEqual({ priority: null });
		expect(stored(12).priority).toBeNull();
	});

	it('Update with no field is refused before any request', async () => {
		await expect(
			run({ operation: 'update', conversationId: byId(12), conversationUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers {deleted: true} and the conversation is gone', async () => {
		const { items } = await run({ operation: 'delete', conversationId: byId(13) });
		expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			'/api/v1/accounts/1/conversations/13',
			v1Status(suite.fx, 'delete'),
		]);
		expect(suite.fx.sim.store.conversationByDisplayId(1, 13)).toBeUndefined();
	});

	it('Set Priority posts to toggle_priority and says what is set', async () => {
		const { items } = await run({
			operation: 'setPriority',
			conversationId: byId(14),
			priority: 'high',
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/conversations/14/toggle_priority',
			{ priority: 'high' },
			v1Status(suite.fx, 'toggle'),
		]);
		expect(items.map((i) => i.json)).toEqual([
			{ success: true, conversation_id: 14, priority: 'high' },
		]);
		expect(stored(14).priority).toBe('high');
		const cleared = await run({
			operation: 'setPriority',
			conversationId: byId(14),
			priority: 'none',
		});
		expect((await suite.fx.requests())[1].body).toEqual({ priority: null });
		expect(cleared.items[0].json.priority).toBeNull();
	});

	it('Assign sends one of assignee_id / team_id and outputs the agent or team', async () => {
		const agent = await run({
			operation: 'assign',
			conversationId: byId(15),
			assignTo: 'agent',
			agentId: byId(2),
		});
		const team = await run({
			operation: 'assign',
			conversationId: byId(15),
			assignTo: 'team',
			teamId: byId(1),
		});
		const nobody = await run({
			operation: 'assign',
			conversationId: byId(15),
			assignTo: 'unassignAgent',
		});
		const noTeam = await run({
			operation: 'assign',
			conversationId: byId(15),
			assignTo: 'removeTeam',
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path])).toEqual(
			Array(4).fill(['POST', '/api/v1/accounts/1/conversations/15/assignments']),
		);
		expect(requests.map((r) => r.body)).toEqual([
			{ assignee_id: 2 },
			{ team_id: 1 },
			{ assignee_id: null },
			{ team_id: null },
		]);
		expect(agent.items[0].json).toMatchObject({
			success: true,
			conversation_id: 15,
			assignee: { id: 2, name: 'Ravi Agent' },
		});
		expect(team.items[0].json).toMatchObject({
			conversation_id: 15,
			team: { id: 1, name: 'sales' },
		});
		expect(nobody.items[0].json).toEqual({ success: true, conversation_id: 15, assignee: null });
		expect(noTeam.items[0].json).toEqual({ success: true, conversation_id: 15, team: null });
		expect(stored(15)).toMatchObject({ assignee_id: null, team_id: null });
	});

	it('Assign refuses an agent that is not an ID', async () => {
		await expect(
			run({
				operation: 'assign',
				conversationId: byId(15),
				assignTo: 'agent',
				agentId: byId('ravi'),
			}),
		).rejects.toThrow(/'Agent' must be a positive whole number/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Get Labels outputs the conversation and its labels', async () => {
		suite.fx.sim.store.updateConversation(stored(16), { labels: ['billing', 'vip'] });
		const { items } = await run({ operation: 'getLabels', conversationId: byId(16) });
		expect((await suite.fx.requests())[0].path).toBe('/api/v1/accounts/1/conversations/16/labels');
		expect(items.map((i) => i.json)).toEqual([{ conversation_id: 16, labels: ['billing', 'vip'] }]);
	});

	it('Set Labels adds to, removes from or replaces the current labels', async () => {
		suite.fx.sim.store.updateConversation(stored(17), { labels: ['billing'] });
		const added = await run({
			operation: 'setLabels',
			conversationId: byId(17),
			labels: 'vip, bug',
		});
		let requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path])).toEqual([
			['GET', '/api/v1/accounts/1/conversations/17/labels'],
			['POST', '/api/v1/accounts/1/conversations/17/labels'],
		]);
		expect(requests[1].body).toEqual({ labels: ['billing', 'vip', 'bug'] });
		expect(added.items[0].json).toEqual({ conversation_id: 17, labels: ['billing', 'vip', 'bug'] });

		await suite.fx.clearRequests();
		const removed = await run({
			operation: 'setLabels',
			conversationId: byId(17),
			labels: 'billing',
			labelMode: 'remove',
		});
		expect(removed.items[0].json.labels).toEqual(['vip', 'bug']);

		await suite.fx.clearRequests();
		const replaced = await run({
			operation: 'setLabels',
			conversationId: byId(17),
			labels: '',
			labelMode: 'replace',
		});
		requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.body])).toEqual([['POST', { labels: [] }]]);
		expect(replaced.items[0].json.labels).toEqual([]);
		await expect(
			run({ operation: 'setLabels', conversationId: byId(17), labels: 'not ok' }),
		).rejects.toThrow(/letters, digits, - and _/);
	});

	it('Set Custom Attributes merges with the current ones by default, or replaces them', async () => {
		suite.fx.sim.store.updateConversation(stored(18), {
			custom_attributes: { plan: 'pro', region: 'eu' },
		});
		const merged = await run({
			operation: 'setCustomAttributes',
			conversationId: byId(18),
			customAttributes: '{"order_id": "4411"}',
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path])).toEqual([
			['GET', '/api/v1/accounts/1/conversations/18'],
			['POST', '/api/v1/accounts/1/conversations/18/custom_attributes'],
		]);
		expect(requests[1].body).toEqual({
			custom_attributes: { plan: 'pro', region: 'eu', order_id: '4411' },
		});
		expect(merged.items[0].json).toEqual({
			conversation_id: 18,
			custom_attributes: { plan: 'pro', region: 'eu', order_id: '4411' },
		});

		const replaced = await run({
			operation: 'setCustomAttributes',
			conversationId: byId(18),
			customAttributes: { only: true },
			attributeMode: 'replace',
		});
		expect(replaced.items[0].json.custom_attributes).toEqual({ only: true });
		await expect(
			run({
				operation: 'setCustomAttributes',
				conversationId: byId(18),
				customAttributes: '[1, 2]',
			}),
		).rejects.toThrow(/must be a JSON object/);
	});

	it('Set Typing posts the typing status', async () => {
		const { items } = await run({
			operation: 'setTyping',
			conversationId: byId(19),
			typingStatus: 'off',
			isPrivate: true,
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/conversations/19/toggle_typing_status',
			{ typing_status: 'off', is_private: true },
			v1Status(suite.fx, 'toggle'),
		]);
		expect(items.map((i) => i.json)).toEqual([
			{ success: true, conversation_id: 19, typing_status: 'off' },
		]);
	});
});
