/** What the benchmark needs around an N8nInstance: webhook calls with timing, publication, memory of a process. */
import * as fs from 'node:fs';

import { waitFor, type N8nInstance } from '../test/e2e/harness';

export interface WebhookAnswer<T = unknown> {
	status: number;
	json: T;
	ms: number;
}

export async function callWebhook<T = unknown>(
	baseUrl: string,
	path: string,
	body: unknown = {},
	timeoutMs = 900_000,
): Promise<WebhookAnswer<T>> {
	const started = performance.now();
	const response = await fetch(`${baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await response.text();
	const ms = performance.now() - started;
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	if (!response.ok)
		throw new Error(`POST /webhook/${path} → ${response.status}: ${text.slice(0, 500)}`);
	return { status: response.status, json: json as T, ms };
}

/**
 * Publishes the workflows and waits until n8n serves their (POST) webhooks. The probe is a GET, which runs nothing:
 * n8n answers 404 "… not registered" before, and 404 "… Did you mean to make a POST request?" once registered.
 */
export async function publishAndWait(
	n8n: N8nInstance,
	workflows: Array<{ id: string; path: string }>,
	baseUrls = [n8n.baseUrl],
): Promise<void> {
	for (const { id } of workflows) await n8n.publishWorkflow(id);
	for (const baseUrl of baseUrls)
		await waitForWebhooks(
			baseUrl,
			workflows.map((workflow) => workflow.path),
		);
}

/** Waits until n8n at baseUrl serves these webhook paths (after a publication or a restart). */
export async function waitForWebhooks(baseUrl: string, paths: string[]): Promise<void> {
	for (const path of paths) {
		await waitFor(
			`the webhook ${path} on ${baseUrl}`,
			async () => {
				const response = await fetch(`${baseUrl}/webhook/${path}`);
				const text = await response.text();
				return response.status !== 404 || text.includes('Did you mean');
			},
			{ timeoutMs: 60_000, intervalMs: 200 },
		);
	}
}

/** Resident memory of a process now and its peak since the last resetPeak() (bytes), from /proc/<pid>/status. */
export function memoryOf(pid: number): { rss: number; peak: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) =>
		Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
	return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Resets the kernel's peak-RSS mark of a process (Linux: writing 5 to /proc/<pid>/clear_refs). */
export function resetPeak(pid: number): boolean {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The HueChat node's resources and whether the trigger node is loaded, read from the running n8n. */
export async function packageCapabilities(
	n8n: N8nInstance,
): Promise<{ resources: string[]; trigger: boolean }> {
	const types = await n8n.rest<
		Array<{
			name: string;
			properties?: Array<{ name: string; options?: Array<{ value: string }> }>;
		}>
	>('GET', '/types/nodes.json');
	const node = types.find((type) => type.name === 'n8n-nodes-huechat.hueChat');
	const resource = node?.properties?.find((property) => property.name === 'resource');
	return {
		resources: (resource?.options ?? []).map((option) => option.value),
		trigger: types.some((type) => type.name === 'n8n-nodes-huechat.hueChatTrigger'),
	};
}
