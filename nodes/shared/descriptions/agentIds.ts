import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from './builders';
import { refuse } from '../validation/refusals';

/** The parameter as a list of trimmed strings, whatever an expression produced. */
const AGENT_ID_LIST =
	'(Array.isArray($value) ? $value : String($value ?? "").split(",")).map(id => String(id).trim()).filter(id => id !== "")';

/**
 * The agents a member operation (inbox agents, team members) adds, sets or removes: a multi-select loaded from
 * the account's agents (GET /agents), or an expression giving IDs (an array, or text such as "2, 3").
 * Sent as `user_ids`, the user IDs as numbers.
 */
export function agentIdsField(
	resource: string,
	operations: string[],
	description: string,
): INodeProperties {
	return {
		displayName: 'Agent Names or IDs',
		name: 'agentIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		required: true,
		default: [],
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		displayOptions: showFor(resource, operations),
		routing: {
			send: {
				type: 'body',
				property: 'user_ids',
				value: '={{ ' + AGENT_ID_LIST + '.map(id => Number(id)) }}',
			},
		},
	};
}

function agentIdList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((id) => String(id).trim()).filter((id) => id !== '');
}

/** preSend: at least one agent, each a positive whole number; refused before any request otherwise. */
export async function checkAgentIds(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const ids = agentIdList(this.getNodeParameter('agentIds', []));
	const invalid = ids.filter((id) => !/^[1-9]\d*$/.test(id) || !Number.isSafeInteger(Number(id)));
	const problem =
		ids.length === 0
			? `'Agents' needs at least one agent`
			: invalid.length > 0
				? `'Agents' must be agent IDs (positive whole numbers); got "${invalid.join('", "')}"`
				: undefined;
	if (problem)
		refuse(
			this,
			new NodeOperationError(this.getNode(), problem, { itemIndex: this.getItemIndex() }),
		);
	return options;
}
