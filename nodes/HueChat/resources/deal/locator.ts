import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function dealLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'dealId',
			displayName: 'Deal',
			searchMethod: 'searchDeals',
			idKind: 'uuid',
			description: 'The deal to use',
		},
		showFor('deal', operations),
	);
}

export const dealIdCheck = { parameter: 'dealId', label: 'Deal', check: 'uuid' as const };

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

/** What deal operations on one record share: the picker, the record's URL and the ID check. */
export const dealRecord: RecordKind = {
	resource: 'deal',
	picker: dealLocator,
	url: dealUrl(),
	check: checkFields(dealIdCheck),
};
