/**
 * The trigger's dedupe cost: every delivery n8n loads the trigger's static data, the trigger looks the event up and
 * claims it, and n8n saves the static data again (JSON.parse, claimDelivery, JSON.stringify, as n8n does). Measured
 * at the most the trigger remembers (10,000 events spread over the last 24 hours), beside the same load and save
 * with nothing remembered (what a trigger without dedupe costs). CPU time of this process, no n8n, no I/O.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { claimDelivery, MAX_REMEMBERED } from '../nodes/HueChatTrigger/dedupe';
import type { BenchContext } from './context';
import { count, millis } from './report';

const MEASURED = 1_000;
/** What static data holds besides `seen`: the subscription (its secret is about this long). */
const REGISTRATION = {
	production: {
		id: 1,
		url: 'http://127.0.0.1:5678/webhook/x/webhook',
		secret: `whsec_${'x'.repeat(44)}`,
		events: ['message.created'],
	},
};

function cpuMsPerDelivery(deliver: () => void): number {
	const before = process.cpuUsage();
	for (let n = 0; n < MEASURED; n++) deliver();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000 / MEASURED;
}

export async function figureDedupe(ctx: BenchContext): Promise<void> {
	const { report } = ctx;
	const trigger = `bench-${randomUUID()}`;
	const now = Math.floor(Date.now() / 1000);
	let database = JSON.stringify({ node: REGISTRATION });
	const deliver = (at: number) => {
		const staticData = JSON.parse(database) as { node: IDataObject };
		const claim = claimDelivery(trigger, staticData.node, randomUUID(), at);
		if (claim.verdict === 'new') claim.settle(true);
		database = JSON.stringify(staticData);
	};
	ctx.log(
		`dedupe: ${count(MAX_REMEMBERED)} events over 24 hours, then ${count(MEASURED)} deliveries measured`,
	);
	const spacing = (24 * 3600) / MAX_REMEMBERED;
	for (let n = 0; n < MAX_REMEMBERED; n++) deliver(now - 24 * 3600 + Math.floor(n * spacing));
	const bytes = Buffer.byteLength(database);
	const withDedupe = cpuMsPerDelivery(() => deliver(now));
	const empty = JSON.stringify({ node: REGISTRATION });
	const without = cpuMsPerDelivery(() => {
		JSON.stringify(JSON.parse(empty));
	});
	report.target(
		`trigger dedupe: CPU per delivery, ${count(MAX_REMEMBERED)} events remembered (static data loaded, claimed, saved)`,
		withDedupe,
		millis,
		'≤ 2 ms',
		(n) => n <= 2,
	);
	report.info(
		'trigger dedupe: CPU per delivery, nothing remembered (static data loaded and saved)',
		millis(without),
		without,
	);
	report.info(
		`trigger dedupe: static data size, ${count(MAX_REMEMBERED)} events remembered`,
		`${count(bytes)} bytes`,
		bytes,
	);
	await Promise.resolve();
}
