import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ListShape } from '../transport/request';
import { refuse } from './refusals';

/** Every v2 list (docs/contract.md §3): `page`/`per_page` (100 a request), items under `data`, until `meta.total_pages`. */
export const V2_LIST: ListShape = { style: 'perPage', root: 'data', perPage: 100 };

/** Most ids a v2 call takes in one body array (contact list members). */
export const IDS_PER_CALL = 1_000;

const DATE_OF_VALUE =
	'new Date(/^\\d+$/.test(String($value).trim()) ? Number($value) * 1000 : $value)';

/**
 * A date parameter (n8n's date picker, ISO 8601 or unix seconds) as the ISO 8601 string broadcasts and templates
 * use, and v1's conversation create (Chatwoot's conversation_create_payload). Anything that is not a date is sent
 * unchanged, so the 'date' check names it instead of a RangeError.
 */
export const ISO_DATE = `={{ isNaN(${DATE_OF_VALUE}) ? $value : ${DATE_OF_VALUE}.toISOString() }}`;

/** Comma- (or space-) separated ids, or an array from an expression, as an array; numeric ones become numbers. */
export const ID_LIST =
	'={{ (Array.isArray($value) ? $value : String($value).split(/[\\s,;]+/)).map(id => String(id).trim()).filter(id => id !== "").map(id => /^\\d+$/.test(id) ? Number(id) : id) }}';

/** Comma-separated text (labels), or an array from an expression, as an array of trimmed, non-empty strings. */
export const TEXT_LIST =
	'={{ (Array.isArray($value) ? $value : String($value).split(",")).map(item => String(item).trim()).filter(item => item !== "") }}';

/** A resource locator's or a number field's value as the integer v1 ids are in v2 bodies. */
export const AS_NUMBER = '={{ Number($value) }}';

/** preSend helper: refuse the item (no request) with a message naming the field. */
export function refuseInput(
	context: IExecuteSingleFunctions,
	message: string,
	description?: string,
): void {
	refuse(
		context,
		new NodeOperationError(context.getNode(), message, {
			itemIndex: context.getItemIndex(),
			description,
		}),
	);
}

/**
 * preSend: the body array `property` (built by ID_LIST) must hold positive whole numbers only, and at least one when
 * `required`. Names the first bad entries.
 */
export function checkIdList(
	property: string,
	label: string,
	{ required = true }: { required?: boolean } = {},
) {
	return async function checkIds(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (options.body ?? {}) as IDataObject;
		const ids = Array.isArray(body[property]) ? (body[property] as unknown[]) : [];
		const bad = ids.filter((id) => typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1);
		if (bad.length > 0) {
			refuseInput(
				this,
				`'${label}' must be positive whole numbers (IDs such as 42); got "${bad.slice(0, 5).map(String).join('", "')}"`,
			);
		} else if (required && ids.length === 0) {
			refuseInput(this, `'${label}' is empty: give at least one ID`);
		}
		if (!required && ids.length === 0) delete body[property];
		return options;
	};
}

/** Name/value rows of a fixedCollection (`{ variable: [{name, value}] }`) as an object; empty names are skipped. */
export function rowsToObject(rows: unknown, list: string): IDataObject {
	const entries = ((rows as IDataObject | undefined)?.[list] ?? []) as Array<{
		name?: unknown;
		value?: unknown;
	}>;
	const result: IDataObject = {};
	for (const row of entries) {
		const name = String(row.name ?? '').trim();
		if (name) result[name] = String(row.value ?? '');
	}
	return result;
}

/**
 * Parses a JSON parameter (a string, or the value an expression produced) and checks its shape; refuses the item,
 * naming the field, when it is not JSON or not the expected shape. Answers undefined when it was refused.
 */
export function parseJsonParameter(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	shape: 'object' | 'array',
	example: string,
): IDataObject | IDataObject[] | undefined {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			refuseInput(
				context,
				`'${label}' is not valid JSON`,
				`Expected a JSON ${shape} such as ${example}`,
			);
			return undefined;
		}
	}
	const ok =
		shape === 'array'
			? Array.isArray(parsed)
			: parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
	if (!ok) {
		refuseInput(context, `'${label}' must be a JSON ${shape} such as ${example}`);
		return undefined;
	}
	return parsed as IDataObject | IDataObject[];
}
