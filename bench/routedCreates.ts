/**
 * `node bench/run.cjs routedCreates [creates] [runs]`: the node's per-item cost in n8n-core's routing engine, without
 * n8n around it. Contact Create with expressions in Name and in two Additional Fields, `creates` items in one
 * execution (default 200) against the simulator in this process, timed `runs` times (default 5, the first a warm-up
 * left out of the median), with the expressions n8n evaluated per item. RoutingNode evaluates every top-level
 * parameter's value before it checks whether the parameter is shown, once per property of the description and once
 * more while resolving the base URL: a name that many operations define is evaluated as often as it is defined.
 */
import { Expression, type INodeProperties } from 'n8n-workflow';

import { HueChat } from '../nodes/HueChat/HueChat.node';
import { runHueChat } from '../test/helpers/routing';
import { startFixture } from '../test/helpers/simulator';

const creates = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 5);

let evaluations = 0;
const resolve = Expression.prototype.resolveSimpleParameterValue;
Expression.prototype.resolveSimpleParameterValue = function (...args) {
	evaluations++;
	return resolve.apply(this, args);
};

/** The name of Contact Create's field labelled `displayName` (looked up, so the script measures any naming). */
function contactCreateField(displayName: string): string {
	const shown = (property: INodeProperties) =>
		property.displayOptions?.show?.resource?.includes('contact') &&
		property.displayOptions.show.operation?.includes('create');
	const field = new HueChat().description.properties.find(
		(property) => property.displayName === displayName && shown(property),
	);
	if (!field) throw new Error(`Contact Create has no field ${displayName}`);
	return field.name;
}

async function main() {
	const fx = await startFixture({ contacts: 0 });
	const parameters = {
		resource: 'contact',
		operation: 'create',
		[contactCreateField('Name')]: '={{ $json.name }}',
		[contactCreateField('Additional Fields')]: {
			email: '={{ $json.email }}',
			company: '={{ $json.company }}',
		},
	};
	const times: number[] = [];
	let perItem = 0;
	for (let run = 0; run <= runs; run++) {
		const items = Array.from({ length: creates }, (_, i) => ({
			name: `Routed ${run}-${i}`,
			email: `routed-${run}-${i}@example.com`,
			company: `Company ${i}`,
		}));
		evaluations = 0;
		const started = process.hrtime.bigint();
		const { items: output } = await runHueChat({
			credentials: fx.credentials,
			parameters,
			items,
		});
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const failed = output.filter((item) => item.error || !item.json.id).length;
		if (failed) throw new Error(`${failed} of ${creates} creates failed`);
		perItem = evaluations / creates;
		if (run > 0) times.push(ms);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	console.log(`routed creates: ${creates} items, median of ${runs}: ${median.toFixed(0)} ms`);
	console.log(`per create: ${(median / creates).toFixed(2)} ms`);
	console.log(`expression evaluations per item: ${perItem}`);
	await fx.sim.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
