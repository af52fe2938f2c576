import type { IDataObject, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What HueChat (or a Chatwoot-style self-hosted instance) says went wrong, read from any of its error shapes. */
export interface ApiProblem {
	status: number;
	message: string;
	code?: string;
	fields: Record<string, string[]>;
}

const HINTS: Record<number, string> = {
	400: 'HueChat could not read the request. Check the parameters named above.',
	401: "Check the credential's API Token: it is wrong, revoked or expired, or not valid for this Account ID.",
	403: 'The API token lacks the scope named above. Edit the key under Settings → API Keys in HueChat.',
	404: 'Check the ID: the record does not exist in this account (or was deleted).',
	409: 'The record is in a state that does not allow this change.',
	422: 'Fix the fields listed above and run again.',
	429: 'HueChat rate limit reached and the retries ran out. Lower the number of items per run or raise the key’s limit.',
};

function asFieldList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	return value === undefined || value === null ? [] : [String(value)];
}

/** Reads `{error, code, details}` (HueChat), `{message, attributes}` and `{errors: [...]}` (Chatwoot). */
export function readProblem(response: IN8nHttpFullResponse): ApiProblem {
	const body = (
		typeof response.body === 'object' && response.body !== null ? response.body : {}
	) as IDataObject;
	const fields: Record<string, string[]> = {};
	const details = (body.details ?? body.attributes) as IDataObject | string[] | undefined;
	if (details && typeof details === 'object' && !Array.isArray(details)) {
		for (const [field, problems] of Object.entries(details)) fields[field] = asFieldList(problems);
	} else if (Array.isArray(details)) {
		for (const field of details) fields[String(field)] = [];
	}
	const errors = Array.isArray(body.errors) ? body.errors.map(String) : [];
	const message =
		(typeof body.error === 'string' && body.error) ||
		(typeof body.message === 'string' && body.message) ||
		errors.join('; ') ||
		(typeof response.body === 'string' && response.body.slice(0, 300)) ||
		`HTTP ${response.statusCode}`;
	return {
		status: response.statusCode,
		message,
		code: typeof body.code === 'string' ? body.code : undefined,
		fields,
	};
}

function describeFields(fields: Record<string, string[]>): string {
	return Object.entries(fields)
		.map(([field, problems]) => (problems.length ? `${field}: ${problems.join(', ')}` : field))
		.join('; ');
}

/** A NodeApiError whose message is HueChat's own words (plus the invalid fields), never a generic status text. */
export function problemToError(node: INode, problem: ApiProblem, attempts = 1): NodeApiError {
	const fieldText = describeFields(problem.fields);
	const message = `HueChat ${problem.status}: ${problem.message}${fieldText ? ` (${fieldText})` : ''}`;
	const retried = attempts > 1 ? ` Tried ${attempts} times.` : '';
	const body: JsonObject = { status: problem.status, message: problem.message };
	if (problem.code) body.code = problem.code;
	if (fieldText) body.details = problem.fields as unknown as JsonObject;
	return new NodeApiError(node, body, {
		httpCode: String(problem.status),
		message,
		description:
			`${HINTS[problem.status] ?? (problem.status >= 500 ? 'HueChat had a temporary problem.' : '')}${retried}`.trim(),
	});
}

/** A network-level failure (refused, reset, timed out) as a clean error: no request config, so no token. */
export function networkError(node: INode, code: string, attempts: number): NodeApiError {
	const message = `Could not reach HueChat (${code})`;
	const error = new NodeApiError(
		node,
		{ message },
		{
			message,
			description: `Tried ${attempts} time${attempts === 1 ? '' : 's'}. Check the credential's Base URL and that HueChat is reachable from n8n.`,
		},
	);
	// NodeApiError swaps any message naming a connection code for a generic one that does not say which service failed.
	error.message = message;
	return error;
}
