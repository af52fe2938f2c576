// n8n's verification scanner, offline: @n8n/scan-community-package's own analyzePackage (its ESLint leg, inline
// disables ignored) on the source tree and on the packed tarball, the two legs the scanner runs for a published
// package. Its provenance and GitHub-download legs need the npm registry's attestations and github.com, which a
// local, unpublished package cannot have. Usage: node scripts/scan.mjs PACKED_TGZ
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const tarball = process.argv[2];
if (!tarball) {
	console.error('usage: node scripts/scan.mjs PACKED_TGZ');
	process.exit(2);
}

const legs = [
	{
		name: 'source',
		dir: root,
		patterns: ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'],
	},
];
const unpacked = mkdtempSync(join(tmpdir(), 'huechat-scan-'));
execFileSync('tar', ['-xzf', resolve(tarball), '-C', unpacked, '--strip-components=1']);
legs.push({ name: 'tarball', dir: unpacked, patterns: ['**/*.js', 'package.json'] });

let failed = false;
for (const leg of legs) {
	const result = await analyzePackage(leg.dir, leg.patterns);
	console.log(`scanner ${leg.name}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`);
	if (!result.passed) {
		failed = true;
		if (result.details) console.log(result.details);
	}
}
rmSync(unpacked, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
