// Agents (v1): the account's users, administrators included. Reference: docs/chatwoot-v1.md §3.5, §4.5.
// GET answers a bare array sorted by name; creates answer 201, deletes 204 (HueChat).
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed } from '../rules.ts';
import type { UserRecord } from '../store.ts';
import { agentView } from '../views.ts';

interface AgentInput {
	name?: string;
	email?: string;
	role?: 'agent' | 'administrator';
	availability?: 'online' | 'busy' | 'offline';
	auto_offline?: boolean;
}

function isAgentOf(user: UserRecord | undefined, accountId: number): boolean {
	return user !== undefined && user.roles[accountId] !== undefined;
}

/** The account's agent with that id, or 404. */
export function accountAgent(
	context: HandlerContext,
	id: number = Number(context.params.agent_id),
): UserRecord {
	const user = context.store.users.get(id);
	if (!user || !isAgentOf(user, context.accountId)) throw notFound(`Agent ${id} not found`);
	return user;
}

/** The account's agents among these user ids, ascending by id. */
export function agentsOf(context: HandlerContext, ids: readonly number[]): UserRecord[] {
	return ids
		.map((id) => context.store.users.get(id))
		.filter((user): user is UserRecord => isAgentOf(user, context.accountId))
		.sort((a, b) => a.id - b.id);
}

/** The ids that are not agents of the account. */
export function unknownAgents(context: HandlerContext, ids: readonly number[]): number[] {
	return ids.filter((id) => !isAgentOf(context.store.users.get(id), context.accountId));
}

function getMany(context: HandlerContext) {
	const { store, accountId } = context;
	const agents = [...store.users.values()]
		.filter((user) => isAgentOf(user, accountId))
		.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id);
	return ok(agents.map((user) => agentView(user, accountId)));
}

/** Invites the agent; a user who already exists (in another account) is attached to this one. */
function create(context: HandlerContext) {
	const { store, accountId, now } = context;
	const input = context.body as AgentInput;
	const email = String(input.email).trim();
	const existing = [...store.users.values()].find(
		(user) => user.email.toLowerCase() === email.toLowerCase(),
	);
	if (existing && isAgentOf(existing, accountId))
		throw validationFailed({ email: ['has already been taken'] });
	const role = input.role ?? 'agent';
	if (existing) {
		store.updateUser(existing, { roles: { ...existing.roles, [accountId]: role } });
		return created(agentView(existing, accountId));
	}
	const user = store.insertUser({
		name: input.name?.trim() || email.split('@')[0],
		display_name: null,
		email,
		roles: { [accountId]: role },
		availability: input.availability ?? 'online',
		auto_offline: input.auto_offline ?? true,
		// confirmed once the invitation is accepted
		confirmed: false,
		thumbnail: '',
		custom_attributes: {},
		created_at: now,
	});
	return created(agentView(user, accountId));
}

function update(context: HandlerContext) {
	const { store, accountId } = context;
	const user = accountAgent(context);
	const input = context.body as AgentInput;
	const patch: Partial<UserRecord> = {};
	if (input.name !== undefined) patch.name = input.name;
	if (input.availability !== undefined) patch.availability = input.availability;
	if (input.auto_offline !== undefined) patch.auto_offline = input.auto_offline;
	if (input.role !== undefined) patch.roles = { ...user.roles, [accountId]: input.role };
	store.updateUser(user, patch);
	return ok(agentView(user, accountId));
}

/** Removes the agent from the account (and its teams, inboxes and assignments); never the key's own user. */
function remove(context: HandlerContext) {
	const user = accountAgent(context);
	if (user.id === context.user.id)
		throw validationFailed({
			id: ['is the user of this API key; an agent cannot remove themselves'],
		});
	context.store.removeUserFromAccount(user, context.accountId);
	return noContent();
}

export const agentHandlers: HandlerMap = {
	'agent.getMany': getMany,
	'agent.create': create,
	'agent.update': update,
	'agent.delete': remove,
};
