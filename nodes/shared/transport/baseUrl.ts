import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const DEFAULT_BASE_URL = 'https://app.huechat.ai';
const TRAILING_SLASHES = /\/+$/;
/** An `/api`, `/api/v1` or `/api/v2` suffix: a common copy-paste from HueChat's docs. */
const API_SUFFIX = /\/api(\/v[12])?$/i;

/** The credential's Base URL without trailing slashes or a pasted `/api/v1` suffix, for requests made by code. */
export function normalizeBaseUrl(raw: unknown): string {
	return String(raw || DEFAULT_BASE_URL)
		.trim()
		.replace(TRAILING_SLASHES, '')
		.replace(API_SUFFIX, '');
}

/** The same clean-up as an n8n expression, for the node's requestDefaults and the credential test. */
export const BASE_URL_EXPRESSION = `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(${String(TRAILING_SLASHES)}, "").replace(${String(API_SUFFIX)}, "") }}`;

/**
 * Refuses to send the API token anywhere but https, or plain http on this machine (a local HueChat or the
 * simulator). HueChat itself answers plain http with 426, but only after the token has crossed the network.
 */
export function assertSafeBaseUrl(node: INode, baseUrl: string | undefined): void {
	let url: URL;
	try {
		url = new URL(baseUrl ?? '');
	} catch {
		throw new NodeOperationError(
			node,
			`The credential's Base URL "${baseUrl ?? ''}" is not a valid URL`,
			{
				description: 'Use the address of your HueChat, e.g. https://app.huechat.ai',
			},
		);
	}
	if (url.protocol === 'https:') return;
	if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return;
	throw new NodeOperationError(
		node,
		`The credential's Base URL must start with https:// (got ${url.protocol}//${url.host})`,
		{
			description:
				'Plain http:// is only accepted for localhost and 127.0.0.1; HueChat refuses it (426 Upgrade Required) and it would expose the API token.',
		},
	);
}
