/**
 * Part of figure 1 (`node --expose-gc bench/run.cjs retained '<json>'`): the memory of the HueChat node's own
 * Return All, apart from n8n's execution bookkeeping. Runs the node through n8n-core's RoutingNode in this process
 * (test/helpers/routing.ts) against the bench simulator and measures the heap: what the output items keep after a
 * full GC (retained) and the highest heap seen while paging (peak, garbage included). Prints one JSON line.
 */
import { runHueChat } from '../test/helpers/routing';

interface Input {
	url: string;
	token: string;
	accountId: number;
}

const gc = (globalThis as unknown as { gc?: () => void }).gc;

async function main(): Promise<void> {
	if (!gc) throw new Error('run with node --expose-gc');
	const input = JSON.parse(process.argv[2]) as Input;
	const credentials = { apiToken: input.token, accountId: input.accountId, baseUrl: input.url };
	const parameters = { resource: 'contact', operation: 'getAll', simplify: false };
	await runHueChat({
		credentials,
		parameters: { ...parameters, returnAll: false, limit: 150 } as never,
	});
	gc();
	gc();
	const before = process.memoryUsage().heapUsed;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
	const { items } = await runHueChat({
		credentials,
		parameters: { ...parameters, returnAll: true } as never,
	});
	clearInterval(sampler);
	gc();
	gc();
	const retained = process.memoryUsage().heapUsed - before;
	const jsonBytes = Buffer.byteLength(JSON.stringify(items.map((item) => item.json)));
	process.stdout.write(
		`${JSON.stringify({ items: items.length, jsonBytes, retained, peak: peak - before })}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`retained: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
