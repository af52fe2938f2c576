// Teams and team members (v1). Reference: docs/chatwoot-v1.md §3.6, §4.6. Names are down-cased and unique per
// account. Lists and member endpoints answer bare arrays: POST the agents newly added, PATCH all members,
// DELETE the members left (Chatwoot answers an empty 200 there; HueChat's contract says agents).
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed } from '../rules.ts';
import type { TeamRecord } from '../store.ts';
import { agentView, teamView } from '../views.ts';
import { agentsOf, unknownAgents } from './agent.ts';

interface TeamInput {
	name?: string;
	description?: string | null;
	allow_auto_assign?: boolean;
}

export function findTeam(
	context: HandlerContext,
	id: number = Number(context.params.team_id),
): TeamRecord {
	const team = context.store.inAccount(context.store.teams, context.accountId, id);
	if (!team) throw notFound(`Team ${id} not found`);
	return team;
}

/** The stored name (trimmed, lower case), or a 422 when another team of the account has it. */
function uniqueName(context: HandlerContext, name: string, self?: TeamRecord): string {
	const normalized = name.trim().toLowerCase();
	if (normalized === '') throw validationFailed({ name: ["can't be blank"] });
	const holder = context.store
		.ofAccount('teams', context.accountId)
		.find((team) => team.name === normalized && team.id !== self?.id);
	if (holder) throw validationFailed({ name: ['has already been taken'] });
	return normalized;
}

function getMany(context: HandlerContext) {
	return ok(
		context.store
			.ofAccount('teams', context.accountId)
			.map((team) => teamView(team, context.user.id)),
	);
}

function get(context: HandlerContext) {
	return ok(teamView(findTeam(context), context.user.id));
}

function create(context: HandlerContext) {
	const input = context.body as TeamInput;
	const team = context.store.insertTeam({
		account_id: context.accountId,
		name: uniqueName(context, String(input.name)),
		description: input.description ?? '',
		allow_auto_assign: input.allow_auto_assign ?? true,
		member_ids: [],
		created_at: context.now,
	});
	return created(teamView(team, context.user.id));
}

function update(context: HandlerContext) {
	const team = findTeam(context);
	const input = context.body as TeamInput;
	const patch: Partial<TeamRecord> = {};
	if (input.name !== undefined) patch.name = uniqueName(context, input.name, team);
	if (input.description !== undefined) patch.description = input.description ?? '';
	if (input.allow_auto_assign !== undefined) patch.allow_auto_assign = input.allow_auto_assign;
	context.store.updateTeam(team, patch);
	return ok(teamView(team, context.user.id));
}

function remove(context: HandlerContext) {
	context.store.deleteTeam(findTeam(context));
	return noContent();
}

// ---- members -------------------------------------------------------------------------------------

function agents(context: HandlerContext, ids: readonly number[]) {
	return ok(agentsOf(context, ids).map((user) => agentView(user, context.accountId)));
}

/** The team and the `user_ids` of a member request, which must all be agents of the account (else 422). */
function memberRequest(context: HandlerContext): { team: TeamRecord; userIds: number[] } {
	const team = findTeam(context);
	const userIds = [...new Set(context.body.user_ids as number[])];
	const unknown = unknownAgents(context, userIds);
	if (unknown.length > 0)
		throw validationFailed({ user_ids: [`are not agents of this account: ${unknown.join(', ')}`] });
	return { team, userIds };
}

function getMembers(context: HandlerContext) {
	return agents(context, findTeam(context).member_ids);
}

function addMembers(context: HandlerContext) {
	const { team, userIds } = memberRequest(context);
	const added = userIds.filter((id) => !team.member_ids.includes(id));
	context.store.updateTeam(team, { member_ids: [...team.member_ids, ...added] });
	return agents(context, added);
}

function setMembers(context: HandlerContext) {
	const { team, userIds } = memberRequest(context);
	context.store.updateTeam(team, { member_ids: userIds });
	return agents(context, userIds);
}

function removeMembers(context: HandlerContext) {
	const { team, userIds } = memberRequest(context);
	context.store.updateTeam(team, {
		member_ids: team.member_ids.filter((id) => !userIds.includes(id)),
	});
	return agents(context, team.member_ids);
}

export const teamHandlers: HandlerMap = {
	'team.getMany': getMany,
	'team.get': get,
	'team.create': create,
	'team.update': update,
	'team.delete': remove,
	'team.getMembers': getMembers,
	'team.addMembers': addMembers,
	'team.setMembers': setMembers,
	'team.removeMembers': removeMembers,
};
