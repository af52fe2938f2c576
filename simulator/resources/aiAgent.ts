// AI agents (v2): bots that answer conversations until they hand them to humans. docs/contract.md §3.
//
// Hand over (POST /ai_agents/{id}/conversations {conversation_id}): the agent starts answering the
// conversation → 201 {ai_agent_id, conversation_id, active: true, started_at, ended_at: null, handoff_team_id}.
// Again for the same agent: 200, unchanged. Refused with 409 when the agent is paused or another AI agent
// already answers the conversation; 422 when the conversation does not exist or is in an inbox the agent
// does not serve (an agent without inbox_ids serves every inbox).
// Take back (DELETE /ai_agents/{id}/conversations/{conversation_id}): humans answer again → 200 with
// active: false and ended_at; the conversation goes to the agent's `handoff_team_id` when it has one;
// 404 when the agent is not answering that conversation.
// Every hand-off to humans raises `ai_agent.handoff` with that object: take back, pausing the agent and
// deleting it (which hand back all its conversations).
import { randomUUID } from 'node:crypto';
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { ApiError, notFound } from '../rules.ts';
import type { AiAgentRecord } from '../store.ts';
import { aiAgentConversationView, aiAgentView } from '../views.ts';
import { findV2, listPage, Problems, referenceChecks, sent } from './v2.ts';

interface AiAgentInput {
	name?: string;
	instructions?: string;
	inbox_ids?: number[];
	handoff_team_id?: number | null;
	status?: 'active' | 'paused';
}

function checkReferences(context: HandlerContext, input: AiAgentInput): void {
	const problems = new Problems();
	const refs = referenceChecks(context, problems);
	for (const id of input.inbox_ids ?? []) refs.inbox('inbox_ids', id);
	refs.team('handoff_team_id', input.handoff_team_id);
	problems.throwIfAny();
}

/** Hands one of the agent's conversations back to humans; answers (and emits) the hand-off. */
function release(context: HandlerContext, agent: AiAgentRecord, conversationId: number) {
	const { store, accountId, now } = context;
	const entry = agent.conversations.find((item) => item.conversation_id === conversationId);
	if (!entry)
		throw notFound(`AI agent ${agent.id} is not answering conversation ${conversationId}`);
	store.updateV2('ai_agents', agent, {
		conversations: agent.conversations.filter((item) => item !== entry),
		updated_at: now,
	});
	const conversation = store.conversationByDisplayId(accountId, conversationId);
	if (
		conversation &&
		agent.handoff_team_id !== null &&
		store.inAccount(store.teams, accountId, agent.handoff_team_id)
	) {
		store.updateConversation(conversation, { team_id: agent.handoff_team_id, updated_at: now });
	}
	const view = aiAgentConversationView(
		agent.id,
		conversationId,
		entry.started_at,
		now,
		agent.handoff_team_id,
	);
	context.emit('ai_agent.handoff', view);
	return view;
}

function releaseAll(context: HandlerContext, agent: AiAgentRecord): void {
	for (const { conversation_id: conversationId } of [...agent.conversations])
		release(context, agent, conversationId);
}

function getMany(context: HandlerContext) {
	return listPage(context, context.store.v2OfAccount('ai_agents', context.accountId), aiAgentView);
}

function create(context: HandlerContext) {
	const { store, accountId, now } = context;
	const input = context.body as unknown as AiAgentInput & { name: string; instructions: string };
	checkReferences(context, input);
	const agent = store.insertV2('ai_agents', {
		id: randomUUID(),
		account_id: accountId,
		name: input.name,
		instructions: input.instructions,
		inbox_ids: [...new Set(input.inbox_ids ?? [])],
		handoff_team_id: input.handoff_team_id ?? null,
		status: input.status ?? 'active',
		conversations: [],
		created_at: now,
		updated_at: now,
	});
	return created(aiAgentView(agent));
}

function get(context: HandlerContext) {
	return ok(aiAgentView(findV2(context, 'ai_agents', 'ai_agent_id', 'AI agent')));
}

function update(context: HandlerContext) {
	const { store, now, body } = context;
	const agent = findV2(context, 'ai_agents', 'ai_agent_id', 'AI agent');
	const input = body as AiAgentInput;
	checkReferences(context, input);
	const patch: Partial<AiAgentRecord> = { updated_at: now };
	if (sent(body, 'name')) patch.name = input.name;
	if (sent(body, 'instructions')) patch.instructions = input.instructions;
	if (sent(body, 'inbox_ids')) patch.inbox_ids = [...new Set(input.inbox_ids ?? [])];
	if (sent(body, 'handoff_team_id')) patch.handoff_team_id = input.handoff_team_id ?? null;
	if (sent(body, 'status')) patch.status = input.status;
	store.updateV2('ai_agents', agent, patch);
	if (agent.status === 'paused') releaseAll(context, agent);
	return ok(aiAgentView(agent));
}

function remove(context: HandlerContext) {
	const agent = findV2(context, 'ai_agents', 'ai_agent_id', 'AI agent');
	releaseAll(context, agent);
	context.store.deleteV2('ai_agents', agent.id);
	return noContent();
}

function handOver(context: HandlerContext) {
	const { store, accountId, now } = context;
	const agent = findV2(context, 'ai_agents', 'ai_agent_id', 'AI agent');
	const conversationId = context.body.conversation_id as number;
	const problems = new Problems();
	const conversation = referenceChecks(context, problems).conversation(
		'conversation_id',
		conversationId,
	);
	if (
		conversation &&
		agent.inbox_ids.length > 0 &&
		!agent.inbox_ids.includes(conversation.inbox_id)
	) {
		problems.add(
			'conversation_id',
			`is in inbox ${conversation.inbox_id}, which this AI agent does not serve`,
		);
	}
	problems.throwIfAny();
	const current = agent.conversations.find((item) => item.conversation_id === conversationId);
	if (current)
		return ok(
			aiAgentConversationView(
				agent.id,
				conversationId,
				current.started_at,
				null,
				agent.handoff_team_id,
			),
		);
	if (agent.status !== 'active')
		throw new ApiError(
			409,
			`AI agent ${agent.name} is paused: activate it before handing it conversations`,
		);
	const other = store
		.v2OfAccount('ai_agents', accountId)
		.find((candidate) =>
			candidate.conversations.some((item) => item.conversation_id === conversationId),
		);
	if (other)
		throw new ApiError(
			409,
			`Conversation ${conversationId} is already answered by AI agent ${other.name} (${other.id})`,
		);
	store.updateV2('ai_agents', agent, {
		conversations: [...agent.conversations, { conversation_id: conversationId, started_at: now }],
		updated_at: now,
	});
	return created(
		aiAgentConversationView(agent.id, conversationId, now, null, agent.handoff_team_id),
	);
}

function takeBack(context: HandlerContext) {
	const agent = findV2(context, 'ai_agents', 'ai_agent_id', 'AI agent');
	return ok(release(context, agent, Number(context.params.conversation_id)));
}

export const aiAgentHandlers: HandlerMap = {
	'aiAgent.getMany': getMany,
	'aiAgent.create': create,
	'aiAgent.get': get,
	'aiAgent.update': update,
	'aiAgent.delete': remove,
	'aiAgent.handOverConversation': handOver,
	'aiAgent.takeBackConversation': takeBack,
};
