import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listRouting, returnAllAndLimit, showFor, simplifyToggle } from './builders';
import type { Operation } from './operations';
import type { ListShape } from '../transport/request';
import { refuse } from '../validation/refusals';

/**
 * The advanced filter of v1 (`POST /conversations/filter`, `POST /contacts/filter`): conditions built in the UI
 * (attribute, operator, values, AND / OR with the next one) or given as raw JSON, checked before sending and sent
 * as `{"payload": [{attribute_key, filter_operator, values, query_operator}]}`.
 */

type Operator =
	| 'equal_to'
	| 'not_equal_to'
	| 'contains'
	| 'does_not_contain'
	| 'is_present'
	| 'is_not_present'
	| 'is_greater_than'
	| 'is_less_than'
	| 'days_before'
	| 'starts_with';

export interface FilterAttribute {
	name: string;
	value: string;
	operators: readonly Operator[];
	/** Dates are sent as YYYY-MM-DD. */
	date?: boolean;
}

const EQUALITY = ['equal_to', 'not_equal_to'] as const;
const TEXT = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'] as const;
const PRESENCE = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'] as const;
const DATES = ['is_greater_than', 'is_less_than', 'days_before'] as const;

/** Chatwoot's filter keys (lib/filters/filter_keys.yml) and the operators each allows. */
export const CONVERSATION_FILTER_ATTRIBUTES: FilterAttribute[] = [
	{ name: 'Assignee ID', value: 'assignee_id', operators: PRESENCE },
	{ name: 'Browser Language', value: 'browser_language', operators: EQUALITY },
	{ name: 'Campaign ID', value: 'campaign_id', operators: PRESENCE },
	{ name: 'Conversation Language', value: 'conversation_language', operators: EQUALITY },
	{ name: 'Created At', value: 'created_at', operators: DATES, date: true },
	{ name: 'Display ID', value: 'display_id', operators: TEXT },
	{ name: 'Inbox ID', value: 'inbox_id', operators: PRESENCE },
	{ name: 'Labels', value: 'labels', operators: PRESENCE },
	{ name: 'Last Activity At', value: 'last_activity_at', operators: DATES, date: true },
	{ name: 'Mail Subject', value: 'mail_subject', operators: TEXT },
	{ name: 'Priority', value: 'priority', operators: EQUALITY },
	{ name: 'Referer', value: 'referer', operators: TEXT },
	{ name: 'Status', value: 'status', operators: EQUALITY },
	{ name: 'Team ID', value: 'team_id', operators: PRESENCE },
];

export const CONTACT_FILTER_ATTRIBUTES: FilterAttribute[] = [
	{ name: 'Blocked', value: 'blocked', operators: EQUALITY },
	{ name: 'City', value: 'city', operators: TEXT },
	{ name: 'Company', value: 'company', operators: TEXT },
	{ name: 'Country Code', value: 'country_code', operators: EQUALITY },
	{ name: 'Created At', value: 'created_at', operators: DATES, date: true },
	{ name: 'Email', value: 'email', operators: TEXT },
	{ name: 'Identifier', value: 'identifier', operators: EQUALITY },
	{ name: 'Labels', value: 'labels', operators: PRESENCE },
	{ name: 'Last Activity At', value: 'last_activity_at', operators: DATES, date: true },
	{ name: 'Name', value: 'name', operators: TEXT },
	{ name: 'Phone Number', value: 'phone_number', operators: [...TEXT, 'starts_with'] },
];

const CUSTOM = 'custom';

const OPERATOR_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Contains', value: 'contains' },
	{
		name: 'Days Before',
		value: 'days_before',
		description: 'The date is more than this many days ago',
	},
	{ name: 'Does Not Contain', value: 'does_not_contain' },
	{ name: 'Equal To', value: 'equal_to' },
	{
		name: 'Is Greater Than',
		value: 'is_greater_than',
		description: 'After this date (YYYY-MM-DD)',
	},
	{ name: 'Is Less Than', value: 'is_less_than', description: 'Before this date (YYYY-MM-DD)' },
	{ name: 'Is Not Present', value: 'is_not_present' },
	{ name: 'Is Present', value: 'is_present' },
	{ name: 'Not Equal To', value: 'not_equal_to' },
	{ name: 'Starts With', value: 'starts_with', description: 'Phone numbers only' },
];

/** The Filter Type selector, the conditions and the JSON alternative of a filter operation. */
export function filterProperties(
	resource: string,
	operation: string,
	attributes: FilterAttribute[],
): INodeProperties[] {
	const show = showFor(resource, [operation]);
	const attributeOptions = [
		...attributes.map(({ name, value }) => ({ name, value })),
		{
			name: 'Custom Attribute',
			value: CUSTOM,
			description: `A custom attribute defined for ${resource}s in HueChat`,
		},
	].sort((a, b) => a.name.localeCompare(b.name));
	const firstAttribute = attributeOptions[0].value;
	return [
		{
			displayName: 'Filter Type',
			name: 'filterType',
			type: 'options',
			options: [
				{
					name: 'Build Conditions',
					value: 'conditions',
					description: 'Pick attributes and operators',
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'Write the filter payload as HueChat takes it',
				},
			],
			default: 'conditions',
			displayOptions: show,
		},
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Condition',
			default: {},
			description:
				'Evaluated left to right: each condition is joined to the next one with its AND / OR, without precedence',
			displayOptions: {
				show: { resource: [resource], operation: [operation], filterType: ['conditions'] },
			},
			options: [
				{
					name: 'condition',
					displayName: 'Condition',
					values: [
						{
							displayName: 'Attribute',
							name: 'attribute',
							type: 'options',
							options: attributeOptions,
							default: firstAttribute,
						},
						{
							displayName: 'Custom Attribute Key',
							name: 'customAttributeKey',
							type: 'string',
							default: '',
							placeholder: 'e.g. plan',
							description: 'The key of the custom attribute, as defined in HueChat',
							displayOptions: { show: { attribute: [CUSTOM] } },
						},
						{
							displayName: 'Join With Next',
							name: 'join',
							type: 'options',
							options: [
								{ name: 'AND', value: 'AND' },
								{ name: 'OR', value: 'OR' },
							],
							default: 'AND',
							description: 'How this condition combines with the next one (ignored on the last)',
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: OPERATOR_OPTIONS,
							default: 'equal_to',
						},
						{
							displayName: 'Values',
							name: 'values',
							type: 'string',
							default: '',
							placeholder: 'e.g. open, pending',
							description:
								'Comma-separated values; dates as YYYY-MM-DD, Days Before as a number of days',
							displayOptions: { hide: { operator: ['is_present', 'is_not_present'] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Filter (JSON)',
			name: 'filterJson',
			type: 'json',
			default:
				'[\n  {\n    "attribute_key": "status",\n    "filter_operator": "equal_to",\n    "values": ["open"],\n    "query_operator": null\n  }\n]',
			description:
				'The conditions as an array (or {"payload": [...]}), as described in HueChat\'s API reference',
			displayOptions: {
				show: { resource: [resource], operation: [operation], filterType: ['json'] },
			},
		},
	];
}

interface RawCondition {
	attribute?: string;
	customAttributeKey?: string;
	operator?: Operator;
	values?: string;
	join?: string;
}

function asIsoDay(value: string): string | undefined {
	const text = value.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
	const parsed = /^\d{9,11}$/.test(text) ? Number(text) * 1000 : Date.parse(text);
	return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

/** One UI condition as HueChat's, or the problem with it. */
function toCondition(
	raw: RawCondition,
	index: number,
	last: boolean,
	attributes: FilterAttribute[],
): IDataObject | string {
	const position = `Condition ${index + 1}`;
	const custom = raw.attribute === CUSTOM;
	const key = custom ? String(raw.customAttributeKey ?? '').trim() : String(raw.attribute ?? '');
	if (key === '') return `${position}: 'Custom Attribute Key' must be set`;
	const operator = (raw.operator ?? 'equal_to') as Operator;
	const known = attributes.find((attribute) => attribute.value === key);
	if (!custom && !known) return `${position}: unknown attribute '${key}'`;
	if (known && !known.operators.includes(operator)) {
		const allowed = known.operators.map(
			(op) => OPERATOR_OPTIONS.find((option) => option.value === op)?.name ?? op,
		);
		return `${position}: '${known.name}' can be compared with ${allowed.join(', ')} only`;
	}
	let values: string[] = [];
	if (operator !== 'is_present' && operator !== 'is_not_present') {
		values = String(raw.values ?? '')
			.split(',')
			.map((value) => value.trim())
			.filter((value) => value !== '');
		if (values.length === 0) return `${position}: 'Values' must be set for this operator`;
		if (operator === 'days_before' && !/^\d+$/.test(values[0]))
			return `${position}: 'Values' must be a whole number of days`;
		if ((operator === 'is_greater_than' || operator === 'is_less_than') && known?.date) {
			const day = asIsoDay(values[0]);
			if (!day) return `${position}: 'Values' must be a date (YYYY-MM-DD)`;
			values = [day];
		}
	}
	return {
		attribute_key: key,
		filter_operator: operator,
		values,
		query_operator: last ? null : raw.join === 'OR' ? 'OR' : 'AND',
	};
}

function fromJson(text: unknown): IDataObject[] | string {
	let parsed: unknown = text;
	if (typeof text === 'string') {
		try {
			parsed = JSON.parse(text);
		} catch {
			return "'Filter (JSON)' is not valid JSON";
		}
	}
	const list = Array.isArray(parsed) ? parsed : (parsed as IDataObject | null)?.payload;
	if (
		!Array.isArray(list) ||
		list.length === 0 ||
		list.some(
			(item) =>
				!item ||
				typeof item !== 'object' ||
				typeof (item as IDataObject).attribute_key !== 'string',
		)
	) {
		return '\'Filter (JSON)\' must be an array of conditions, each with attribute_key, filter_operator and values (or {"payload": [...]})';
	}
	return list as IDataObject[];
}

/** preSend of filter operations: the body `{payload: [...]}` from the conditions or the JSON, or a refusal. */
export function buildFilterBody(attributes: FilterAttribute[]) {
	return async function filterBody(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fail = (message: string) =>
			refuse(
				this,
				new NodeOperationError(this.getNode(), message, { itemIndex: this.getItemIndex() }),
			);
		let payload: IDataObject[];
		if (this.getNodeParameter('filterType', 'conditions') === 'json') {
			const parsed = fromJson(this.getNodeParameter('filterJson', ''));
			if (typeof parsed === 'string') {
				fail(parsed);
				return options;
			}
			payload = parsed;
		} else {
			const raw = ((this.getNodeParameter('conditions', {}) as IDataObject).condition ??
				[]) as RawCondition[];
			if (raw.length === 0) {
				fail("Add at least one condition under 'Conditions'");
				return options;
			}
			payload = [];
			for (const [index, condition] of raw.entries()) {
				const built = toCondition(condition, index, index === raw.length - 1, attributes);
				if (typeof built === 'string') {
					fail(built);
					return options;
				}
				payload.push(built);
			}
		}
		options.body = { payload };
		return options;
	};
}

/** Filter: the records matching the conditions, POSTed to `url` and paged as `shape`; Return All, Limit, Simplify. */
export function filterOperation(
	resource: string,
	action: string,
	description: string,
	url: string,
	shape: ListShape,
	attributes: FilterAttribute[],
): Operation {
	return {
		option: {
			name: 'Filter',
			value: 'filter',
			action,
			description,
			routing: listRouting('POST', url, shape, [buildFilterBody(attributes)]),
		},
		properties: [
			...filterProperties(resource, 'filter', attributes),
			...returnAllAndLimit(resource, 'filter'),
			simplifyToggle(resource, ['filter']),
		],
	};
}
