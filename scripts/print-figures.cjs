// Prints the reliability suite's figures (test/reliability/), one `name: value` a line. The figures issue 6 asks for
// come last, in this order, then the trigger's (issue 12); `--reset` (before a run) forgets the previous run's figures.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', '.cache', 'reliability', 'figures.json');
if (process.argv.includes('--reset')) {
	fs.rmSync(file, { force: true });
	process.exit(0);
}
const LAST = [
	'operations tried',
	'faults injected',
	'items lost',
	'duplicates',
	'malformed inputs tried',
	'clear errors',
	'token leaks',
	// the trigger's, measured in real n8n (test/exactly-once)
	'replays after restart executed',
	'events lost under overload',
	'events lost across a secret rotation',
	'subscriptions left after failed deletes',
];
const figures = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const name of [
	...Object.keys(figures)
		.filter((n) => !LAST.includes(n))
		.sort(),
	...LAST,
]) {
	if (name in figures) console.log(`${name}: ${figures[name]}`);
}
