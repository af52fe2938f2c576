import type { IDataObject } from 'n8n-workflow';

/** The value at a dotted path of an answer (`meta.sender.name`); the answer itself for an empty path. */
export function valueAt(source: unknown, path: string | undefined): unknown {
	if (!path) return source;
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			source,
		);
}
