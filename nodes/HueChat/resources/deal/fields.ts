import type { INodeProperties } from 'n8n-workflow';

import {
	idField,
	idLocator,
	showFor,
	textField,
	customAttributesField,
} from '../../../shared/descriptions/builders';
import { UNIX_SECONDS, checkFields } from '../../../shared/validation/checks';
import { DECIMAL_TEXT, pipelinePicker, stagePicker } from './locator';

export const externalIdField: INodeProperties = textField(
	'External ID',
	'externalId',
	'external_id',
	'body',
	{
		placeholder: 'e.g. crm-4711',
		description: "The deal's ID in another system, such as your CRM; unique in the account",
	},
);

/** The optional deal fields of Create, Create or Update and Update. */
export const dealFields: INodeProperties[] = [
	idField('Contact ID', 'contactId', 'contact_id'),
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'USD',
		placeholder: 'e.g. EUR',
		description: 'ISO 4217 code (HueChat uses USD when none is given)',
		routing: { send: { type: 'body', property: 'currency' } },
	},
	customAttributesField('A JSON object; merged into the existing ones on update'),
	{
		displayName: 'Expected Close At',
		name: 'expectedCloseAt',
		type: 'dateTime',
		default: '',
		routing: { send: { type: 'body', property: 'expected_close_at', value: UNIX_SECONDS } },
	},
	idField('Owner ID', 'ownerId', 'owner_id', 'body', {
		description: 'ID of the agent who owns the deal',
	}),
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1250.00',
		description:
			'The amount as text, with at most 2 decimals after a dot; sent exactly as given, never rounded',
		routing: { send: { type: 'body', property: 'value', value: DECIMAL_TEXT } },
	},
];

export const byName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

export const dealFieldChecks = (collection: string) => [
	{ parameter: `${collection}.value`, label: 'Value', check: 'decimal' as const },
	{ parameter: `${collection}.currency`, label: 'Currency', check: 'currency' as const },
	{
		parameter: `${collection}.expectedCloseAt`,
		label: 'Expected Close At',
		check: 'date' as const,
	},
];

/** Create and Create or Update: the deal's title, pipeline and stage (Create or Update also names it by its External ID). */
export function dealRecordFields(operation: 'create' | 'upsert'): INodeProperties[] {
	const show = showFor('deal', [operation]);
	return [
		textField('Title', 'title', 'title', 'body', {
			required: true,
			placeholder: 'e.g. Annual plan for Acme',
			displayOptions: show,
		}),
		{
			...idLocator(
				{
					name: 'pipelineId',
					displayName: 'Pipeline',
					searchMethod: 'searchPipelines',
					idKind: 'uuid',
					description: 'The pipeline the deal is in',
				},
				show,
			),
			routing: { send: { type: 'body', property: 'pipeline_id' } },
		},
		stagePicker(['pipelineId.value'], { required: true, displayOptions: show }),
	];
}

/** The checks of Create and Create or Update; `collection` is the operation's Additional Fields. */
export const dealCreateChecks = (collection: string) =>
	checkFields(
		{ parameter: 'title', label: 'Title', check: 'notBlank' },
		{ parameter: 'pipelineId', label: 'Pipeline', check: 'uuid' },
		{ parameter: 'stageId', label: 'Stage', check: 'uuid' },
		...dealFieldChecks(collection),
	);

export const dealUpdateOptions = (
	[
		...dealFields,
		externalIdField,
		pipelinePicker({
			hint: 'Moving the deal to another pipeline needs a stage of that pipeline too',
		}),
		stagePicker(['dealUpdateFields.pipelineId', 'dealId.value'], {
			hint: "Lists the stages of the pipeline set above, else of the deal's pipeline",
		}),
		textField('Title', 'title', 'title'),
	] as INodeProperties[]
).sort(byName);
