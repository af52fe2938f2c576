import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { refuse } from './refusals';

/** What n8n's date picker and Luxon produce: an ISO 8601 date, optionally with time and offset. */
const ISO_8601_PATTERN =
	/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The input checks HueChat would fail anyway, done before the request so the message names the field. */
const CHECKS = {
	positiveInteger: {
		test: (value: unknown) =>
			/^[1-9]\d*$/.test(String(value).trim()) && Number.isSafeInteger(Number(value)),
		expected: 'a positive whole number (e.g. 42)',
	},
	email: {
		test: (value: unknown) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value).trim()),
		expected: 'an email address such as jane@example.com',
	},
	e164: {
		test: (value: unknown) => /^\+[1-9]\d{6,14}$/.test(String(value).trim()),
		expected: 'a phone number in E.164 format: + and country code, digits only (e.g. +14155550123)',
	},
	date: {
		test: (value: unknown) => {
			const text = String(value).trim();
			if (/^\d{9,11}$/.test(text)) return true;
			return ISO_8601_PATTERN.test(text) && !Number.isNaN(Date.parse(text));
		},
		expected: 'a date: ISO 8601 (e.g. 2026-12-01T09:00:00Z) or unix seconds',
	},
	notBlank: {
		test: (value: unknown) => String(value ?? '').trim() !== '',
		expected: 'a value (it is empty)',
	},
	messageContent: {
		test: (value: unknown) => String(value ?? '').trim() !== '' && String(value).length <= 150_000,
		expected: 'text of 1 to 150,000 characters',
	},
	labelTitle: {
		test: (value: unknown) => /^[\p{L}\p{N}_-]+$/u.test(String(value ?? '')),
		expected: 'letters, digits, - and _ only (no spaces), e.g. follow-up',
	},
	timezone: {
		test: (value: unknown) => {
			try {
				new Intl.DateTimeFormat('en-US', { timeZone: String(value).trim() });
				return String(value).trim() !== '';
			} catch {
				return false;
			}
		},
		expected: 'an IANA time zone such as Europe/Berlin',
	},
	hexColor: {
		test: (value: unknown) => /^#[0-9a-f]{6}$/i.test(String(value ?? '').trim()),
		expected: 'a hex color such as #1f93ff',
	},
	uuid: {
		test: (value: unknown) =>
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
				String(value ?? '').trim(),
			),
		expected: 'a UUID such as 3f2b8c1e-6d4a-4f1b-9c2e-7a5d1e0b4c9f',
	},
	decimal: {
		// Money stays a string: checked as text, never parsed to a float.
		test: (value: unknown) => /^\d{1,13}(\.\d{1,2})?$/.test(String(value ?? '').trim()),
		expected:
			'an amount such as 1250.00: digits, optionally a dot and 1 or 2 decimals (no thousands separators)',
	},
	currency: {
		test: (value: unknown) => /^[A-Z]{3}$/.test(String(value ?? '').trim()),
		expected: 'an ISO 4217 currency code such as USD or EUR',
	},
} as const;

export type CheckName = keyof typeof CHECKS;

export interface FieldCheck {
	/** Parameter path, e.g. `email` or `contactFields.phoneNumber`. */
	parameter: string;
	label: string;
	check: CheckName;
	/** Skip the check when empty. Always the case inside a collection (a path with a dot): unset means not sent. */
	optional?: boolean;
}

const ALWAYS_CHECKED: ReadonlySet<CheckName> = new Set(['notBlank', 'messageContent']);

/** A parameter's value; for a resource locator, the ID it points at (from a list pick, an ID or a URL). */
function readParameter(context: IExecuteSingleFunctions, path: string): unknown {
	const value = context.getNodeParameter(path, '');
	const isLocator = typeof value === 'object' && value !== null && '__rl' in value;
	if (!isLocator) return value;
	try {
		return context.getNodeParameter(path, '', { extractValue: true });
	} catch {
		// A URL that does not match the locator's pattern: report the raw text, which then fails the check.
		return (value as { value?: unknown }).value;
	}
}

/** preSend: checks the listed parameters that are set (empty optional fields are not sent at all); see refusals.ts. */
export function checkFields(...checks: FieldCheck[]) {
	return async function checkInput(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		for (const { parameter, label, check, optional } of checks) {
			const value = readParameter(this, parameter);
			const rule = CHECKS[check];
			const mayBeEmpty = (optional || parameter.includes('.')) && !ALWAYS_CHECKED.has(check);
			if (mayBeEmpty && (value === undefined || value === null || value === '')) continue;
			if (!rule.test(value)) {
				refuse(
					this,
					new NodeOperationError(
						this.getNode(),
						`'${label}' must be ${rule.expected}; got "${String(value ?? '')}"`,
						{
							itemIndex: this.getItemIndex(),
						},
					),
				);
			}
		}
		return options;
	};
}

/** preSend for updates: refuse a request that would change nothing, and say what can be changed. */
export function requireSomeField(collection: string, labels: string[]) {
	return async function requireUpdate(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fields = this.getNodeParameter(collection, {}) as IDataObject;
		if (Object.keys(fields).length === 0) {
			refuse(
				this,
				new NodeOperationError(
					this.getNode(),
					`Nothing to update: add at least one field under 'Update Fields'`,
					{
						itemIndex: this.getItemIndex(),
						description: `Fields that can be set: ${labels.join(', ')}`,
					},
				),
			);
		}
		return options;
	};
}

/** preSend: drop body keys whose value is empty, so unset optional fields never overwrite data in HueChat. */
export async function dropEmptyBodyFields(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (options.body && typeof options.body === 'object' && !Array.isArray(options.body)) {
		const body = options.body as IDataObject;
		for (const [key, value] of Object.entries(body)) {
			if (value === '' || value === undefined || value === null) delete body[key];
		}
	}
	return options;
}

/** A date parameter (ISO string from n8n's date picker, or unix seconds) as the unix seconds v1 expects. */
export const UNIX_SECONDS =
	'={{ /^\\d+$/.test(String($value).trim()) ? Number($value) : Math.floor(new Date($value).getTime() / 1000) }}';

/** preSend: parses a JSON parameter sent as `property` in the body, naming the field when it is not JSON. */
export function parseJsonBody(property: string, label: string) {
	return async function parseJson(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (options.body ?? {}) as IDataObject;
		const value = body[property];
		if (typeof value !== 'string') return options;
		if (value.trim() === '') {
			delete body[property];
			return options;
		}
		try {
			const parsed: unknown = JSON.parse(value);
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
				throw new TypeError('not an object');
			body[property] = parsed as IDataObject;
		} catch {
			refuse(
				this,
				new NodeOperationError(
					this.getNode(),
					`'${label}' must be a JSON object such as {"plan": "pro"}`,
					{ itemIndex: this.getItemIndex() },
				),
			);
		}
		return options;
	};
}

type Choice = { name: string; value: unknown };

function staticChoices(property: INodeProperties): Choice[] | undefined {
	if (
		(property.type !== 'options' && property.type !== 'multiOptions') ||
		property.typeOptions?.loadOptionsMethod
	)
		return undefined;
	return (property.options ?? []) as INodePropertyOptions[];
}

function choiceProblem(label: string, choices: Choice[], value: unknown): string | undefined {
	const values = Array.isArray(value) ? value : [value];
	const unknown = values.filter((v) => !choices.some((choice) => choice.value === v));
	if (unknown.length === 0) return undefined;
	return `'${label}' must be one of: ${choices.map((choice) => choice.name).join(', ')}; got "${unknown.map(String).join('", "')}"`;
}

/**
 * preSend for every operation: a dropdown set by an expression can hold any value, and n8n does not check it.
 * Checks each shown dropdown (also inside collections) against its options, so an unknown enum value is named
 * here instead of coming back as HueChat's 422.
 */
export function checkChoices(properties: INodeProperties[]) {
	return async function checkDropdowns(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const node = this.getNode();
		for (const property of properties) {
			if (!NodeHelpers.displayParameter(node.parameters, property, node, null, node.parameters))
				continue;
			const own = staticChoices(property);
			const problem = own
				? choiceProblem(property.displayName, own, this.getNodeParameter(property.name, ''))
				: property.type === 'collection'
					? collectionProblem(this, property)
					: undefined;
			if (problem) {
				refuse(this, new NodeOperationError(node, problem, { itemIndex: this.getItemIndex() }));
				break;
			}
		}
		return options;
	};
}

function collectionProblem(
	context: IExecuteSingleFunctions,
	collection: INodeProperties,
): string | undefined {
	const values = context.getNodeParameter(collection.name, {}) as IDataObject;
	for (const option of (collection.options ?? []) as INodeProperties[]) {
		const choices = 'type' in option ? staticChoices(option) : undefined;
		if (!choices || values[option.name] === undefined) continue;
		const problem = choiceProblem(option.displayName, choices, values[option.name]);
		if (problem) return problem;
	}
	return undefined;
}
