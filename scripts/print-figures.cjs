// Prints the reliability suite's figures, one `name: value` a line, in a fixed order (see test/reliability/).
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', '.cache', 'reliability', 'figures.json');
const ORDER = [
	'operations tried',
	'faults injected',
	'items lost',
	'duplicates',
	'tight key creates',
	'tight key failed items',
	'tight key duplicates',
	'tight key elapsed s',
	'tight key minimum s',
	'tight key ratio to minimum',
	'malformed inputs tried',
	'clear errors',
	'requests the node should have stopped',
	'token leaks',
];
// Prints the figures the test command's closing lines report; `--reset` (before a run) forgets the last run's.
if (process.argv.includes('--reset')) {
	fs.rmSync(file, { force: true });
	process.exit(0);
}
const figures = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const name of [...ORDER, ...Object.keys(figures).filter((n) => !ORDER.includes(n))]) {
	if (name in figures) console.log(`${name}: ${figures[name]}`);
}
