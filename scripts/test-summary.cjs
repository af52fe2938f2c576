// The closing line of `npm test` that CI reads: every jest run's tests, passed and failed, added up from the
// --json reports scripts/run.sh writes to .cache/results/<suite>.json. Usage: node scripts/test-summary.cjs DIR
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
	const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
