import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The credential's Base URL without trailing slashes or a pasted `/api/v1` suffix. */
export function normalizeBaseUrl(raw: unknown): string {
	return String(raw || 'https://app.huechat.ai')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api(\/v[12])?$/i, '');
}

/**
 * Refuses to send the API token anywhere but https, or plain http on this machine (a local HueChat or the
 * simulator). HueChat itself answers plain http with 426, but only after the token has crossed the network.
 */
export function assertSafeBaseUrl(node: INode, baseUrl: string | undefined): void {
	let url: URL;
	try {
		url = new URL(baseUrl ?? '');
	} catch {
		throw new NodeOperationError(node, `The credential's Base URL "${baseUrl ?? ''}" is not a valid URL`, {
			description: 'Use the address of your HueChat, e.g. https://app.huechat.ai',
		});
	}
	if (url.protocol === 'https:') return;
	if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return;
	throw new NodeOperationError(node, `The credential's Base URL must start with https:// (got ${url.protocol}//${url.host})`, {
		description: 'Plain http:// is only accepted for localhost and 127.0.0.1; HueChat refuses it (426 Upgrade Required) and it would expose the API token.',
	});
}
