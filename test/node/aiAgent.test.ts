import { byId, nodeSuite } from '../helpers/simulator';
import { errorOf, ISO, recordEvents, UUID } from '../helpers/v2';

const suite = nodeSuite('aiAgent');
const { run } = suite;

const store = () => suite.fx.sim.store;
const agent = (name: string) =>
	store()
		.v2OfAccount('ai_agents', 1)
		.find((item) => item.name === name)!;
const answered = () =>
	new Set(
		store()
			.v2OfAccount('ai_agents', 1)
			.flatMap((item) => item.conversations.map((c) => c.conversation_id)),
	);
/** Display ids of conversations in an inbox that no AI agent answers yet. */
const freeConversations = (inboxId: number) =>
	[...store().conversations.values()]
		.filter((c) => c.account_id === 1 && c.inbox_id === inboxId && !answered().has(c.display_id))
		.map((c) => c.display_id);
const V2 = '/api/v2/accounts/1';

async function createAgent(name: string, aiAgentFields: Record<string, unknown> = {}) {
	const { items } = await run({
		operation: 'create',
		aiAgentName: name,
		instructions: 'Be helpful and brief.',
		aiAgentFields,
	});
	return items[0].json as { id: string };
}

describe('AI Agent', () => {
	it('Create sends the name, instructions, inbox IDs and handoff team', async () => {
		const { items } = await run({
			operation: 'create',
			aiAgentName: 'Sam',
			instructions: 'Answer shipping questions.',
			aiAgentFields: { inboxIds: '2, 3', handoffTeamId: 2, status: 'active' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			`${V2}/ai_agents`,
			201,
		]);
		expect(request.body).toEqual({
			name: 'Sam',
			instructions: 'Answer shipping questions.',
			inbox_ids: [2, 3],
			handoff_team_id: 2,
			status: 'active',
		});
		expect(items[0].json).toMatchObject({
			name: 'Sam',
			inbox_ids: [2, 3],
			handoff_team_id: 2,
			status: 'active',
			conversation_ids: [],
		});
		expect(items[0].json.id).toMatch(UUID);
	});

	it('Hand Over Conversation: the agent answers it (201), again is harmless (200)', async () => {
		const sam = await createAgent('Hand-over Sam', { inboxIds: '2' });
		const [conversationId] = freeConversations(2);
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'handOver',
			aiAgentId: byId(sam.id),
			conversationId: byId(conversationId),
		});
		const requests = await suite.fx.requests();
		expect(requests[0]).toMatchObject({
			method: 'POST',
			path: `${V2}/ai_agents/${sam.id}/conversations`,
			body: { conversation_id: conversationId },
			status: 201,
		});
		expect(items[0].json).toMatchObject({
			ai_agent_id: sam.id,
			conversation_id: conversationId,
			active: true,
			ended_at: null,
		});
		const again = await run({
			operation: 'handOver',
			aiAgentId: byId(sam.id),
			conversationId: byId(conversationId),
		});
		expect((await suite.fx.requests()).at(-1)?.status).toBe(200);
		expect(again.items[0].json).toMatchObject({ active: true });
		expect(
			store()
				.ai_agents.get(sam.id)
				?.conversations.map((c) => c.conversation_id),
		).toEqual([conversationId]);
	});

	it('Take Back Conversation: humans answer again, the handoff team gets it, ai_agent.handoff is raised', async () => {
		const sam = await createAgent('Take-back Sam', { handoffTeamId: 1 });
		const [conversationId] = freeConversations(1);
		await run({
			operation: 'handOver',
			aiAgentId: byId(sam.id),
			conversationId: byId(conversationId),
		});
		const recorder = recordEvents(suite.fx);
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'takeBack',
			aiAgentId: byId(sam.id),
			conversationId: byId(conversationId),
		});
		recorder.stop();
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'DELETE',
			path: `${V2}/ai_agents/${sam.id}/conversations/${conversationId}`,
			status: 200,
		});
		expect(items[0].json).toMatchObject({
			ai_agent_id: sam.id,
			conversation_id: conversationId,
			active: false,
			handoff_team_id: 1,
		});
		expect(items[0].json.ended_at).toMatch(ISO);
		expect(recorder.events.map((event) => event.name)).toEqual(['ai_agent.handoff']);
		expect(store().conversationByDisplayId(1, conversationId)?.team_id).toBe(1);
		const again = await run(
			{ operation: 'takeBack', aiAgentId: byId(sam.id), conversationId: byId(conversationId) },
			{ continueOnFail: true },
		);
		expect(errorOf(again.items[0])).toMatchObject({
			httpCode: '404',
			message: expect.stringMatching(/is not answering conversation/),
		});
	});

	it('refusals: a paused agent or a conversation another agent answers (409), an inbox it does not serve (422)', async () => {
		const aria = agent('Aria');
		const nightShift = agent('Night shift');
		const taken = aria.conversations[0].conversation_id;
		const [free] = freeConversations(2);
		const paused = await run(
			{ operation: 'handOver', aiAgentId: byId(nightShift.id), conversationId: byId(free) },
			{ continueOnFail: true },
		);
		expect(errorOf(paused.items[0])).toMatchObject({
			httpCode: '409',
			message: expect.stringMatching(/is paused: activate it/),
		});
		const other = await createAgent('Competitor');
		const busy = await run(
			{ operation: 'handOver', aiAgentId: byId(other.id), conversationId: byId(taken) },
			{ continueOnFail: true },
		);
		expect(errorOf(busy.items[0])).toMatchObject({
			httpCode: '409',
			message: expect.stringMatching(/already answered by AI agent Aria/),
		});
		const [apiInbox] = freeConversations(1);
		const wrongInbox = await run(
			{ operation: 'handOver', aiAgentId: byId(aria.id), conversationId: byId(apiInbox) },
			{ continueOnFail: true },
		);
		expect(errorOf(wrongInbox.items[0])).toMatchObject({
			httpCode: '422',
			message: expect.stringMatching(/which this AI agent does not serve/),
		});
	});

	it('Update changes only the fields sent; pausing hands the conversations back to humans', async () => {
		const sam = await createAgent('Pausable', { inboxIds: '1' });
		const conversations = freeConversations(1).slice(0, 2);
		for (const id of conversations)
			await run({ operation: 'handOver', aiAgentId: byId(sam.id), conversationId: byId(id) });
		const recorder = recordEvents(suite.fx);
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'update',
			aiAgentId: byId(sam.id),
			aiAgentUpdateFields: { status: 'paused' },
		});
		recorder.stop();
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'PATCH',
			path: `${V2}/ai_agents/${sam.id}`,
			body: { status: 'paused' },
		});
		expect(items[0].json).toMatchObject({
			name: 'Pausable',
			instructions: 'Be helpful and brief.',
			status: 'paused',
			inbox_ids: [1],
			conversation_ids: [],
		});
		expect(
			recorder.events.map((event) => [
				event.name,
				(event.data as { conversation_id: number }).conversation_id,
			]),
		).toEqual(conversations.map((id) => ['ai_agent.handoff', id]));
	});

	it('Get, Get Many and Delete', async () => {
		const aria = agent('Aria');
		const got = await run({ operation: 'get', aiAgentId: byId(aria.id) });
		expect(got.items[0].json).toMatchObject({ id: aria.id, name: 'Aria', status: 'active' });
		await suite.fx.clearRequests();
		const all = await run({ operation: 'getAll', returnAll: true });
		expect((await suite.fx.requests())[0].query).toEqual({ page: '1', per_page: '100' });
		expect(all.items.map((item) => item.json.id)).toEqual(
			store()
				.v2OfAccount('ai_agents', 1)
				.map((item) => item.id),
		);
		const doomed = await createAgent('Doomed');
		await suite.fx.clearRequests();
		const deleted = await run({ operation: 'delete', aiAgentId: byId(doomed.id) });
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'DELETE',
			path: `${V2}/ai_agents/${doomed.id}`,
			status: 204,
		});
		expect(store().ai_agents.has(doomed.id)).toBe(false);
	});
});
