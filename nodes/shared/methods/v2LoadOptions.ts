import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../transport/api';
import { apiRequest } from '../transport/request';

/** Every record of a v2 list (page/per_page=100 until meta.total_pages). */
async function allOf(
	context: ILoadOptionsFunctions,
	path: string,
	query: IDataObject = {},
): Promise<IDataObject[]> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const records: IDataObject[] = [];
	for (let page = 1; page <= 50; page++) {
		const body = (await apiRequest(context, 'GET', accountPath('v2', credentials.accountId, path), {
			qs: { ...query, page, per_page: 100 },
		})) as IDataObject;
		const data = Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
		records.push(...data);
		const totalPages = Number((body?.meta as IDataObject | undefined)?.total_pages);
		if (data.length === 0 || !(page < totalPages)) break;
	}
	return records;
}

/** The value of a parameter as set in the editor (a resource locator's ID), or '' when it is not set. */
function currentValue(context: ILoadOptionsFunctions, name: string): string {
	try {
		const value = context.getCurrentNodeParameter(name, { extractValue: true });
		return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	} catch {
		return '';
	}
}

/** The pipeline a stage picker lists the stages of: the Pipeline chosen above it, else the deal's own pipeline. */
async function pipelineInContext(context: ILoadOptionsFunctions): Promise<string> {
	for (const name of ['pipelineId', 'dealUpdateFields.pipelineId', 'dealFilters.pipelineId']) {
		const value = currentValue(context, name);
		if (value && !value.startsWith('=')) return value;
	}
	const dealId = currentValue(context, 'dealId');
	if (dealId && !dealId.startsWith('=')) {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const deal = (await apiRequest(
			context,
			'GET',
			accountPath('v2', credentials.accountId, `/deals/${encodeURIComponent(dealId)}`),
		)) as IDataObject;
		return String(deal?.pipeline_id ?? '');
	}
	return '';
}

/** Dropdowns of v2 records (pipelines and their stages, contact lists, approved templates). */
export const v2LoadOptions = {
	async getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const pipelines = await allOf(this, '/pipelines');
		return pipelines.map((pipeline) => ({
			name: String(pipeline.name),
			value: String(pipeline.id),
			description: `${(pipeline.stages as unknown[] | undefined)?.length ?? 0} stages`,
		}));
	},

	/**
	 * The stages of the pipeline chosen above (loadOptionsDependsOn the pipeline parameter), in pipeline order. None
	 * until a pipeline is chosen: an empty list (the picker's hint says why), not an error the editor logs each time.
	 */
	async getPipelineStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const pipelineId = await pipelineInContext(this);
		if (!pipelineId) return [];
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const pipeline = (await apiRequest(
			this,
			'GET',
			accountPath('v2', credentials.accountId, `/pipelines/${encodeURIComponent(pipelineId)}`),
		)) as IDataObject;
		const stages = (Array.isArray(pipeline?.stages) ? pipeline.stages : []) as IDataObject[];
		return [...stages]
			.sort((a, b) => Number(a.position) - Number(b.position))
			.map((stage) => ({
				name: `${String(stage.position)}. ${String(stage.name)}`,
				value: String(stage.id),
				description: `${String(stage.probability)}% probability · ${String(pipeline.name)}`,
			}));
	},

	async getContactLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const lists = await allOf(this, '/contact_lists');
		return lists
			.map((list) => ({
				name: `${String(list.name)} (${String(list.contact_count)} contacts)`,
				value: String(list.id),
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	},

	/** Only approved templates can be broadcast. */
	async getApprovedTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const templates = await allOf(this, '/templates', { status: 'approved' });
		return templates
			.map((template) => ({
				name: `${String(template.name)} (${String(template.language)})`,
				value: String(template.id),
				description: `${String(template.category)}, inbox ${String(template.inbox_id)}`,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};
