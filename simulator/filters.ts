// The advanced filter of `POST /conversations/filter` and `POST /contacts/filter` (docs/chatwoot-v1.md §5):
// conditions `{attribute_key, filter_operator, values[], query_operator}` joined left to right with AND / OR,
// no precedence. Unknown keys (that are not a custom attribute of the account), operators a key does not
// allow, missing values and bad query operators are 422s with Chatwoot's messages.
import { ApiError } from './rules.ts';
import type {
	AttributeModel,
	Attributes,
	ContactRecord,
	ConversationRecord,
	Store,
} from './store.ts';

export interface FilterCondition {
	attribute_key: string;
	filter_operator: string;
	values?: unknown[];
	query_operator?: string | null;
	custom_attribute_type?: string;
}

export type FilterOperator =
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

type Value = string | number | boolean | null | string[] | undefined;

interface KeySpec<T> {
	operators: readonly FilterOperator[];
	/** The record's value for this key. */
	read: (record: T) => Value;
	/** `date` keys compare against YYYY-MM-DD / days; `text` keys compare case-insensitively. */
	kind: 'text' | 'exact' | 'id' | 'date' | 'labels' | 'boolean';
	/** `all` among the values matches every record (conversation status). */
	allWildcard?: boolean;
}

const EQUALITY = ['equal_to', 'not_equal_to'] as const;
const TEXT = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'] as const;
const PRESENCE = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'] as const;
const DATES = ['is_greater_than', 'is_less_than', 'days_before'] as const;
const CUSTOM = [
	'equal_to',
	'not_equal_to',
	'contains',
	'does_not_contain',
	'is_present',
	'is_not_present',
	'is_greater_than',
	'is_less_than',
] as const;

function attribute(record: { additional_attributes: Attributes }, key: string): Value {
	const value = record.additional_attributes[key];
	return value === undefined || value === null ? null : (value as Value);
}

const CONVERSATION_KEYS: Record<string, KeySpec<ConversationRecord>> = {
	status: { operators: EQUALITY, read: (c) => c.status, kind: 'exact', allWildcard: true },
	priority: { operators: EQUALITY, read: (c) => c.priority, kind: 'exact' },
	assignee_id: { operators: PRESENCE, read: (c) => c.assignee_id, kind: 'id' },
	inbox_id: { operators: PRESENCE, read: (c) => c.inbox_id, kind: 'id' },
	team_id: { operators: PRESENCE, read: (c) => c.team_id, kind: 'id' },
	campaign_id: { operators: PRESENCE, read: (c) => attribute(c, 'campaign_id'), kind: 'id' },
	display_id: { operators: TEXT, read: (c) => String(c.display_id), kind: 'exact' },
	labels: { operators: PRESENCE, read: (c) => c.labels, kind: 'labels' },
	browser_language: {
		operators: EQUALITY,
		read: (c) => attribute(c, 'browser_language'),
		kind: 'text',
	},
	conversation_language: {
		operators: EQUALITY,
		read: (c) => attribute(c, 'conversation_language'),
		kind: 'text',
	},
	referer: { operators: TEXT, read: (c) => attribute(c, 'referer'), kind: 'text' },
	mail_subject: { operators: TEXT, read: (c) => attribute(c, 'mail_subject'), kind: 'text' },
	created_at: { operators: DATES, read: (c) => c.created_at, kind: 'date' },
	last_activity_at: { operators: DATES, read: (c) => c.last_activity_at, kind: 'date' },
};

const CONTACT_KEYS: Record<string, KeySpec<ContactRecord>> = {
	name: { operators: TEXT, read: (c) => c.name, kind: 'text' },
	email: { operators: TEXT, read: (c) => c.email, kind: 'text' },
	phone_number: { operators: [...TEXT, 'starts_with'], read: (c) => c.phone_number, kind: 'exact' },
	identifier: { operators: EQUALITY, read: (c) => c.identifier, kind: 'text' },
	country_code: { operators: EQUALITY, read: (c) => attribute(c, 'country_code'), kind: 'text' },
	city: { operators: TEXT, read: (c) => attribute(c, 'city'), kind: 'text' },
	company: { operators: TEXT, read: (c) => attribute(c, 'company_name'), kind: 'text' },
	labels: { operators: PRESENCE, read: (c) => c.labels, kind: 'labels' },
	created_at: { operators: DATES, read: (c) => c.created_at, kind: 'date' },
	last_activity_at: { operators: DATES, read: (c) => c.last_activity_at, kind: 'date' },
	blocked: { operators: EQUALITY, read: (c) => c.blocked, kind: 'boolean' },
};

const DAY = 86_400;

function filterError(message: string, field: string): ApiError {
	return new ApiError(422, message, { [field]: [message] });
}

function isBlank(value: Value): boolean {
	return (
		value === null ||
		value === undefined ||
		value === '' ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** `YYYY-MM-DD` (or any date string, or unix seconds) as unix seconds. */
function dateValue(raw: unknown): number | undefined {
	if (typeof raw === 'number') return raw;
	const text = String(raw).trim();
	if (/^\d{9,11}$/.test(text)) return Number(text);
	const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
	return Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000);
}

function lower(value: unknown): string {
	return String(value).toLowerCase();
}

function matches<T>(
	spec: KeySpec<T>,
	record: T,
	operator: FilterOperator,
	values: unknown[],
	now: number,
	model: 'conversation' | 'contact',
): boolean {
	const value = spec.read(record);
	switch (operator) {
		case 'is_present':
			return !isBlank(value);
		case 'is_not_present':
			return isBlank(value);
		case 'equal_to':
		case 'not_equal_to': {
			let equal: boolean;
			if (spec.kind === 'labels') {
				const labels = (value as string[]) ?? [];
				equal = values.some((wanted) => labels.includes(String(wanted)));
			} else if (spec.allWildcard && values.some((wanted) => String(wanted) === 'all')) {
				equal = true;
			} else {
				// contacts compare only the first value (exactly); conversations any of them
				const candidates = model === 'contact' ? values.slice(0, 1) : values;
				equal = candidates.some((wanted) => {
					if (value === null || value === undefined) return false;
					if (spec.kind === 'text') return lower(value) === lower(wanted);
					if (spec.kind === 'boolean') return String(value) === lower(wanted);
					return String(value) === String(wanted);
				});
			}
			return operator === 'equal_to' ? equal : !equal;
		}
		case 'contains':
		case 'does_not_contain': {
			const text = value === null || value === undefined ? '' : lower(value);
			const found = values.some((wanted) => text.includes(lower(wanted)));
			return operator === 'contains' ? found : !found;
		}
		case 'starts_with': {
			if (value === null || value === undefined) return false;
			return values.some((wanted) => {
				const prefix = String(wanted).startsWith('+') ? String(wanted) : `+${String(wanted)}`;
				return String(value).startsWith(prefix);
			});
		}
		case 'is_greater_than':
		case 'is_less_than': {
			if (value === null || value === undefined) return false;
			const limit = spec.kind === 'date' ? dateValue(values[0]) : Number(values[0]);
			const actual = typeof value === 'number' ? value : Number(value);
			if (limit === undefined || Number.isNaN(limit) || Number.isNaN(actual)) return false;
			return operator === 'is_greater_than' ? actual > limit : actual < limit;
		}
		case 'days_before': {
			if (typeof value !== 'number') return false;
			return value < now - Number(values[0]) * DAY;
		}
	}
}

function customAttributeKeys(store: Store, accountId: number, model: AttributeModel): Set<string> {
	const keys = new Set<string>();
	for (const definition of store.custom_attribute_definitions.values()) {
		if (definition.account_id === accountId && definition.attribute_model === model)
			keys.add(definition.attribute_key);
	}
	return keys;
}

interface CompiledCondition<T> {
	spec: KeySpec<T>;
	operator: FilterOperator;
	values: unknown[];
	join: 'AND' | 'OR' | null;
}

/**
 * Checks the conditions (422 on the first problem, as Chatwoot does) and answers a predicate for records.
 * `now` (unix seconds) anchors `days_before`.
 */
function compile<T extends { custom_attributes: Attributes }>(
	conditions: FilterCondition[],
	keys: Record<string, KeySpec<T>>,
	customKeys: Set<string>,
	model: 'conversation' | 'contact',
): CompiledCondition<T>[] {
	if (conditions.length === 0)
		throw filterError('Specify at least one filter condition in payload', 'payload');
	return conditions.map((condition, index) => {
		const key = condition.attribute_key;
		let spec = keys[key];
		const forceCustom = condition.custom_attribute_type === `${model}_attribute`;
		if ((!spec || forceCustom) && customKeys.has(key)) {
			spec = {
				operators: CUSTOM,
				read: (record: T) => record.custom_attributes[key] as Value,
				kind: 'text',
			};
		}
		if (!spec) {
			throw filterError(
				`Invalid attribute key - [${key}]. The key should be one of [${Object.keys(keys).join(',')}] or a custom attribute defined in the account.`,
				`payload[${index}].attribute_key`,
			);
		}
		const operator = condition.filter_operator as FilterOperator;
		if (!spec.operators.includes(operator)) {
			throw filterError(
				`Invalid operator. The allowed operators for ${key} are [${spec.operators.join(',')}].`,
				`payload[${index}].filter_operator`,
			);
		}
		const values = Array.isArray(condition.values)
			? condition.values.filter((value) => value !== null && value !== '')
			: [];
		if (operator !== 'is_present' && operator !== 'is_not_present') {
			if (values.length === 0)
				throw filterError(
					`Invalid value. The values provided for ${key} are invalid`,
					`payload[${index}].values`,
				);
			if (operator === 'days_before' && !/^\d+$/.test(String(values[0]))) {
				throw filterError(
					`Invalid value. The values provided for ${key} are invalid`,
					`payload[${index}].values`,
				);
			}
			if (
				(operator === 'is_greater_than' || operator === 'is_less_than') &&
				spec.kind === 'date' &&
				dateValue(values[0]) === undefined
			) {
				throw filterError(
					`Invalid value. The values provided for ${key} are invalid`,
					`payload[${index}].values`,
				);
			}
		}
		const join =
			condition.query_operator === undefined ||
			condition.query_operator === null ||
			condition.query_operator === ''
				? null
				: String(condition.query_operator).toUpperCase();
		if (join !== null && join !== 'AND' && join !== 'OR') {
			throw filterError(
				'Query operator must be either "AND" or "OR".',
				`payload[${index}].query_operator`,
			);
		}
		return { spec, operator, values, join: join as 'AND' | 'OR' | null };
	});
}

function predicate<T>(
	compiled: CompiledCondition<T>[],
	now: number,
	model: 'conversation' | 'contact',
): (record: T) => boolean {
	return (record) => {
		let result = matches(
			compiled[0].spec,
			record,
			compiled[0].operator,
			compiled[0].values,
			now,
			model,
		);
		for (let i = 1; i < compiled.length; i++) {
			const current = matches(
				compiled[i].spec,
				record,
				compiled[i].operator,
				compiled[i].values,
				now,
				model,
			);
			// the previous condition's query_operator joins it with this one; a missing one means AND
			result = compiled[i - 1].join === 'OR' ? result || current : result && current;
		}
		return result;
	};
}

export function conversationFilter(
	store: Store,
	accountId: number,
	conditions: FilterCondition[],
	now: number,
): (record: ConversationRecord) => boolean {
	return predicate(
		compile(
			conditions,
			CONVERSATION_KEYS,
			customAttributeKeys(store, accountId, 'conversation_attribute'),
			'conversation',
		),
		now,
		'conversation',
	);
}

export function contactFilter(
	store: Store,
	accountId: number,
	conditions: FilterCondition[],
	now: number,
): (record: ContactRecord) => boolean {
	return predicate(
		compile(
			conditions,
			CONTACT_KEYS,
			customAttributeKeys(store, accountId, 'contact_attribute'),
			'contact',
		),
		now,
		'contact',
	);
}
