// Prints the reliability suite's figures (test/reliability/), one `name: value` a line. The figures issue 6 asks for
// come last, in this order; `--reset` (before a run) forgets the previous run's figures.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', '.cache', 'reliability', 'figures.json');
if (process.argv.includes('--reset')) {
	fs.rmSync(file, { force: true });
	process.exit(0);
}
const LAST = ['operations tried', 'faults injected', 'items lost', 'duplicates', 'malformed inputs tried', 'clear errors', 'token leaks'];
const figures = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const name of [...Object.keys(figures).filter((n) => !LAST.includes(n)).sort(), ...LAST]) {
	if (name in figures) console.log(`${name}: ${figures[name]}`);
}
