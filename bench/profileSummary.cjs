// Where a V8 CPU profile (.cpuprofile) spent its time: self time by package (node_modules/<name>, this package,
// node internals) and the top functions.
//   node bench/profileSummary.cjs <file.cpuprofile> [--top=25] [--from=<s> --to=<s>] [--timeline]
// --timeline prints the busy share of each second (to find a run); --from/--to keep the samples of that window
// (seconds since the profile started).
const fs = require('node:fs');
const { parseArgs } = require('node:util');

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		top: { type: 'string', default: '25' },
		from: { type: 'string' },
		to: { type: 'string' },
		timeline: { type: 'boolean' },
	},
});
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const idleIds = new Set(
	profile.nodes
		.filter((node) => ['(idle)', '(program)'].includes(node.callFrame.functionName))
		.map((node) => node.id),
);
const from = values.from === undefined ? -Infinity : Number(values.from) * 1e6;
const to = values.to === undefined ? Infinity : Number(values.to) * 1e6;
const self = new Map();
const seconds = [];
let at = 0;
profile.samples.forEach((id, index) => {
	const delta = profile.timeDeltas[index] ?? 0;
	at += delta;
	const second = Math.floor(at / 1e6);
	seconds[second] ??= { busy: 0, all: 0 };
	seconds[second].all += delta;
	if (!idleIds.has(id)) seconds[second].busy += delta;
	if (at >= from && at < to) self.set(id, (self.get(id) ?? 0) + delta);
});
if (values.timeline) {
	process.stdout.write(
		seconds
			.map(
				(s, i) =>
					`${String(i).padStart(4)} s ${'#'.repeat(Math.round((20 * (s?.busy ?? 0)) / (s?.all || 1)))}`,
			)
			.join('\n') + '\n',
	);
	process.exit(0);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

function place(url) {
	if (!url) return '(native/idle)';
	const huechat = url.match(/n8n-nodes-huechat\/dist\/(.+)$/);
	if (huechat) return `n8n-nodes-huechat/${huechat[1].split('/')[0]}`;
	const parts = url.split('node_modules/');
	if (parts.length > 1) {
		const rest = parts.at(-1).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	return url.startsWith('node:') ? 'node internals' : url;
}

const byPlace = new Map();
const byFunction = new Map();
for (const [id, us] of self) {
	const { callFrame } = byId.get(id);
	const where = callFrame.functionName === '(idle)' ? '(idle)' : place(callFrame.url);
	byPlace.set(where, (byPlace.get(where) ?? 0) + us);
	const name = `${callFrame.functionName || '(anonymous)'} ${place(callFrame.url)}:${callFrame.lineNumber + 1}`;
	byFunction.set(name, (byFunction.get(name) ?? 0) + us);
}
const show = (map, top) =>
	[...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(
			([name, us]) =>
				`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
		)
		.join('\n');
process.stdout.write(
	`total ${(total / 1e6).toFixed(2)} s sampled\n\nby package (self time)\n${show(byPlace, 20)}\n\ntop functions\n${show(byFunction, Number(values.top))}\n`,
);
