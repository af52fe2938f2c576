/**
 * The baseline of figure 1: a raw `fetch` loop a developer would write by hand, in a Node process of its own
 * (`node bench/run.cjs rawLoop '<json>'`). Pages through a list exactly as the node does (v1: page=1.. until a short
 * page; v2: page/per_page=100 until meta.total_pages), parses every page and keeps every record in one array.
 * Prints one JSON line: the wall time of each run, the item count, the JSON size of the items and how much the
 * process's peak resident memory grew during the first run (Linux /proc).
 */
import * as fs from 'node:fs';

import { LISTS, type ListKind } from './lists';

interface Input {
	url: string;
	token: string;
	accountId: number;
	kind: ListKind;
	runs: number;
}

async function fetchAll(input: Input): Promise<unknown[]> {
	const list = LISTS[input.kind];
	const items: unknown[] = [];
	for (let page = 1; ; page++) {
		const query = new URLSearchParams({
			page: String(page),
			...(list.perPage ? { per_page: String(list.perPage) } : {}),
		});
		const response = await fetch(`${input.url}${list.path(input.accountId)}?${query}`, {
			headers: { api_access_token: input.token, accept: 'application/json' },
		});
		if (!response.ok)
			throw new Error(`page ${page}: HTTP ${response.status} ${await response.text()}`);
		const body = (await response.json()) as Record<string, unknown>;
		const records = body[list.root] as unknown[];
		items.push(...records);
		const meta = body.meta as { total_pages?: number } | undefined;
		const done = list.perPage
			? page >= Number(meta?.total_pages ?? 0) || records.length === 0
			: records.length < list.pageSize;
		if (done) return items;
	}
}

async function main(): Promise<void> {
	const input = JSON.parse(process.argv[2]) as Input;
	const runsMs: number[] = [];
	let items: unknown[] = [];
	let peakGrowth = 0;
	for (let run = 0; run < input.runs; run++) {
		items = [];
		const first = run === 0; // a fresh process: its peak growth is the items' (later runs reuse freed memory)
		let before = 0;
		if (first) {
			fs.writeFileSync('/proc/self/clear_refs', '5');
			before = process.memoryUsage().rss;
		}
		const started = performance.now();
		items = await fetchAll(input);
		runsMs.push(performance.now() - started);
		if (first)
			peakGrowth =
				Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) *
					1024 -
				before;
	}
	const jsonBytes = Buffer.byteLength(JSON.stringify(items));
	process.stdout.write(
		`${JSON.stringify({ runsMs, items: items.length, jsonBytes, peakGrowth })}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`raw loop: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
