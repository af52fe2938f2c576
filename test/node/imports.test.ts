// n8n's Cloud check lints the shipped code with @n8n/node-cli's ESLint config, which warns on a module imported twice
// in one file (import/no-duplicates). The package's own ESLint config does not say it: this test does.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? sourceFiles(join(dir, entry.name))
			: entry.name.endsWith('.ts')
				? [join(dir, entry.name)]
				: [],
	);
}

/** The modules a file imports more than once, type imports and value imports counted apart (as the rule does). */
function modulesImportedTwice(source: string): string[] {
	const imports = [...source.matchAll(/^import\s+(type\s)?[^;]*?from\s+'([^']+)';/gms)].map(
		(match) => `${match[1] ? 'type ' : ''}${match[2]}`,
	);
	return [...new Set(imports.filter((module, index) => imports.indexOf(module) !== index))];
}

describe('shipped code imports each module once per file', () => {
	it('finds a module imported twice', () => {
		expect(
			modulesImportedTwice(
				"import type { A } from 'n8n-workflow';\nimport type { B } from 'n8n-workflow';\n",
			),
		).toEqual(['type n8n-workflow']);
		expect(
			modulesImportedTwice(
				"import type { A } from 'n8n-workflow';\nimport { B } from 'n8n-workflow';\n",
			),
		).toEqual([]);
	});

	it('in nodes/ and credentials/', () => {
		const offenders = ['nodes', 'credentials']
			.flatMap((dir) => sourceFiles(join(ROOT, dir)))
			.map((file) => ({
				file: relative(ROOT, file),
				twice: modulesImportedTwice(readFileSync(file, 'utf8')),
			}))
			.filter((result) => result.twice.length > 0);
		expect(offenders).toEqual([]);
	});
});
