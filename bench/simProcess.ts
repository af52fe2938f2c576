/**
 * The HueChat simulator in a process of its own for the benchmark (`node bench/run.cjs simProcess …`), so that the
 * raw fetch loop, n8n and the simulator never share an event loop. Seeds `--contacts` contacts (v1) and tops the
 * seeded deals up to `--deals` (v2), then prints one JSON line `{"url": …}` and serves until SIGTERM. Everything
 * else goes through the simulator's HTTP control surface (/__sim/…).
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';

import { closeOnSignals, startSimulator } from '../simulator/server.ts';
import type { DealRecord } from '../simulator/store.ts';

const { values } = parseArgs({
	options: {
		contacts: { type: 'string', default: '300' },
		deals: { type: 'string', default: '0' },
		'window-seconds': { type: 'string', default: '60' },
	},
	strict: true,
});

async function main(): Promise<void> {
	const sim = await startSimulator({
		port: 0,
		contacts: Number(values.contacts),
		windowSeconds: Number(values['window-seconds']),
	});
	const wanted = Number(values.deals);
	const seeded = [...sim.store.deals.values()].filter((deal) => deal.account_id === sim.accountId);
	if (wanted > seeded.length && seeded.length === 0)
		throw new Error('the simulator seeds no deals to copy from');
	for (let i = seeded.length; i < wanted; i++) {
		const model = seeded[i % seeded.length];
		const deal: DealRecord = {
			...model,
			id: randomUUID(),
			title: `Bench deal #${i + 1}`,
			external_id: `bench-${i + 1}`,
			custom_attributes: { ...model.custom_attributes },
			created_at: model.created_at + i,
			updated_at: model.updated_at + i,
		};
		sim.store.insertV2('deals', deal);
	}
	process.stdout.write(
		`${JSON.stringify({ url: sim.url, port: sim.port, accountId: sim.accountId, deals: Math.max(wanted, seeded.length) })}\n`,
	);
	closeOnSignals(sim);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`bench simulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
