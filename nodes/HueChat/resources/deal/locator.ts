import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

export const DEAL_STATUSES: INodePropertyOptions[] = [
	{ name: 'Lost', value: 'lost' },
	{ name: 'Open', value: 'open' },
	{ name: 'Won', value: 'won' },
];

/** A decimal string, kept a string: an expression giving a number is turned into its text, never rounded. */
export const DECIMAL_TEXT = '={{ String($value).trim() }}';

/** The stage picker: lists the stages of the pipeline chosen above it (or of the deal's pipeline on update). */
export function stagePicker(
	dependsOn: string[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Stage Name or ID',
		name: 'stageId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: dependsOn },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Lists the stages of the pipeline chosen above (empty until one is chosen)',
		routing: { send: { type: 'body', property: 'stage_id' } },
		...extra,
	};
}

export function pipelinePicker(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Pipeline Name or ID',
		name: 'pipelineId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelines' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: { send: { type: 'body', property: 'pipeline_id' } },
		...extra,
	};
}

export const dealUrl = (suffix = '') => v2(`/deals/{{$parameter.dealId}}${suffix}`);

/** The deal picker, the record's URL and the check of its ID. */
export const dealRecord = pickedRecord('deal', dealUrl(), {
	displayName: 'Deal',
	searchMethod: 'searchDeals',
	idKind: 'uuid',
});
export const { picker: dealLocator, idCheck: dealIdCheck } = dealRecord;
