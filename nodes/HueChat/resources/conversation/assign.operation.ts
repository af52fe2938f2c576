import type {
	INodePropertyOptions,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../../../shared/descriptions/builders';
import { refuse } from '../../../shared/validation/refusals';
import { conversationLocator, conversationUrl, checkConversationId } from './locator';

const showWhen = (assignTo: string[]) => ({
	show: { resource: ['conversation'], operation: ['assign'], assignTo },
});

export const option: INodePropertyOptions = {
	name: 'Assign',
	value: 'assign',
	action: 'Assign a conversation',
	description: 'Assign a conversation to an agent or a team, or remove its agent or team',
	routing: {
		request: { method: 'POST', url: conversationUrl('/assignments') },
		send: { preSend: [checkConversationId, assignmentBody] },
		output: { postReceive: [assignmentOutput] },
	},
};

export const properties: INodeProperties[] = [
	conversationLocator('conversation', ['assign']),
	{
		displayName: 'Assign To',
		name: 'assignTo',
		type: 'options',
		options: [
			{
				name: 'Agent',
				value: 'agent',
				description: 'Make an agent responsible for the conversation',
			},
			{ name: 'Team', value: 'team', description: 'Hand the conversation to a team' },
			{
				name: 'Nobody (Unassign Agent)',
				value: 'unassignAgent',
				description: 'Remove the assigned agent',
			},
			{ name: 'No Team (Remove Team)', value: 'removeTeam', description: 'Remove the team' },
		],
		default: 'agent',
		displayOptions: { show: { resource: ['conversation'], operation: ['assign'] } },
	},
	idLocator(
		{
			name: 'agentId',
			displayName: 'Agent',
			searchMethod: 'searchAgents',
			description: 'The agent to assign',
		},
		showWhen(['agent']),
	),
	idLocator(
		{
			name: 'teamId',
			displayName: 'Team',
			searchMethod: 'searchTeams',
			urlSegment: 'settings/teams',
			description: 'The team to assign',
		},
		showWhen(['team']),
	),
];

/** preSend: one of `assignee_id` / `team_id` per call, as HueChat applies only one. */
export async function assignmentBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const assignTo = String(this.getNodeParameter('assignTo', 'agent'));
	const id = (name: string, label: string) => {
		const value = String(this.getNodeParameter(name, '', { extractValue: true }) ?? '').trim();
		if (!/^[1-9]\d*$/.test(value)) {
			refuse(
				this,
				new NodeOperationError(
					this.getNode(),
					`'${label}' must be a positive whole number (e.g. 42); got "${value}"`,
					{ itemIndex: this.getItemIndex() },
				),
			);
		}
		return Number(value);
	};
	const bodies: Record<string, IDataObject> = {
		agent: { assignee_id: assignTo === 'agent' ? id('agentId', 'Agent') : null },
		team: { team_id: assignTo === 'team' ? id('teamId', 'Team') : null },
		unassignAgent: { assignee_id: null },
		removeTeam: { team_id: null },
	};
	options.body = bodies[assignTo] ?? bodies.agent;
	return options;
}

/** postReceive: the agent or team HueChat answers, or (unassigned, HueChat's null) what changed. */
export async function assignmentOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const assignTo = String(this.getNodeParameter('assignTo', 'agent'));
	const conversationId = Number(
		this.getNodeParameter('conversationId', '', { extractValue: true }),
	);
	return items.map((item) => {
		const assigned =
			item.json && typeof item.json === 'object' && Object.keys(item.json).length > 0
				? item.json
				: null;
		const kind = assignTo === 'team' || assignTo === 'removeTeam' ? 'team' : 'assignee';
		return { json: { success: true, conversation_id: conversationId, [kind]: assigned } };
	});
}
