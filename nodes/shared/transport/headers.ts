import type { IDataObject } from 'n8n-workflow';

/** One header of a response or a delivery, as text: the first value of a repeated header, by exact or lower-case name. */
export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}
