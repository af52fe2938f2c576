import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../transport/api';
import { apiRequest } from '../transport/request';
import { v2LoadOptions } from './v2LoadOptions';

/** Dropdown options loaded from HueChat (multi-select pickers such as the agents of a team). */
export const loadOptions = {
	...v2LoadOptions,
	/** Every agent of the account (GET /agents, a bare array), by name, the value being the user id. */
	async getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const body = await apiRequest(this, 'GET', accountPath('v1', credentials.accountId, '/agents'));
		const agents = (Array.isArray(body) ? body : []) as IDataObject[];
		return agents
			.map((agent) => ({
				name: `${String(agent.name)} (${String(agent.email)})`,
				value: Number(agent.id),
				description: `${String(agent.role)}, ${String(agent.availability_status)}`,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};
