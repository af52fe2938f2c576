/**
 * No file of the repository cites a file that is not in it: a clone from GitHub must hold everything its comments,
 * docs and tests point at. Checked in every text file (node_modules, .cache and dist aside):
 * - a path under one of the repository's top-level folders (`docs/contract.md`, `simulator/rules.ts`) exists;
 * - a path starting with `./` or `../` exists next to the file that names it;
 * - a Markdown file named on its own (`README.md`) exists somewhere in the repository;
 * - a section citation (`docs/contract.md §4`, `chatwoot-v1.md §3.6, §4.8`) names an existing file that has a
 *   heading with that number, so renumbering a document breaks this test, not the reader;
 * - no section is cited from a document by a bare capitalised name (`CONTRACT §4`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SKIPPED_DIRS = new Set(['node_modules', '.cache', 'dist', '.git', 'coverage']);
const TEXT_FILE = /\.(?:ts|js|cjs|mjs|json|md|sh|yml|yaml|tsv)$|^run$/;
const CITED_FILE =
	/(?<![\w/.:@-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.(?:md|ts|tsv|json|cjs|mjs|js|sh|yml))(?![\w/-])/g;
const SECTION_CITATION =
	/((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.md) (§\d+(?:\.\d+)?(?:(?:, |,? and )§\d+(?:\.\d+)?)*)/g;

function repositoryFiles(dir = ROOT): string[] {
	const files: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (!SKIPPED_DIRS.has(name)) files.push(...repositoryFiles(path));
		} else if (TEXT_FILE.test(name) && name !== 'package-lock.json') files.push(path);
	}
	return files;
}

// this file's own examples of broken citations aside
const files = repositoryFiles().filter((file) => file !== __filename);
const topLevel = new Set(readdirSync(ROOT).filter((name) => !SKIPPED_DIRS.has(name)));
const markdownNames = new Set(
	files.filter((file) => file.endsWith('.md')).map((file) => basename(file)),
);

/** The file a citation in `file` points at, or undefined when it points at nothing in the repository. */
function resolveCitation(file: string, cited: string): string | undefined {
	const candidates: string[] = [];
	if (cited.startsWith('./') || cited.startsWith('../'))
		candidates.push(resolve(dirname(file), cited), resolve(ROOT, cited)); // next to the file, or from the root where tools run
	else if (topLevel.has(cited.split('/')[0]) && cited.includes('/'))
		candidates.push(join(ROOT, cited));
	else if (!cited.includes('/'))
		candidates.push(join(dirname(file), cited), ...files.filter((f) => basename(f) === cited));
	else candidates.push(join(dirname(file), cited));
	return candidates.find((candidate) => candidate.startsWith(ROOT) && existsSync(candidate));
}

/** Whether a citation must resolve: paths under a top-level folder, relative paths, and Markdown files. */
function mustResolve(cited: string): boolean {
	if (cited.startsWith('./') || cited.startsWith('../')) return true;
	if (cited.includes('/')) return topLevel.has(cited.split('/')[0]);
	return cited.endsWith('.md');
}

function sectionNumbers(markdown: string): Set<string> {
	return new Set(
		[...markdown.matchAll(/^#{1,4} (?:§ ?)?(\d+(?:\.\d+)?)[. ]/gm)].map((match) => match[1]),
	);
}

/** What is wrong with the citations in `text`, the content of `file`. */
function problemsIn(file: string, text: string): string[] {
	const problems: string[] = [];
	const where = relative(ROOT, file);
	for (const [, cited] of text.matchAll(CITED_FILE)) {
		if (mustResolve(cited) && !resolveCitation(file, cited) && !markdownNames.has(cited))
			problems.push(`${where}: ${cited}`);
	}
	for (const [, cited, sections] of text.matchAll(SECTION_CITATION)) {
		const target = resolveCitation(file, cited);
		if (!target) continue; // reported above
		const present = sectionNumbers(readFileSync(target, 'utf8'));
		for (const [, number] of sections.matchAll(/§(\d+(?:\.\d+)?)/g)) {
			if (!present.has(number)) problems.push(`${where}: ${cited} §${number} (no such section)`);
		}
	}
	// a section sign after a capitalised name cites a document that is not a file here (`CONTRACT §4`)
	for (const [, name, number] of text.matchAll(/(?<![\w./-])([A-Z][A-Z_-]+) §(\d+(?:\.\d+)?)/g))
		problems.push(`${where}: ${name} §${number}`);
	return problems;
}

describe('citations', () => {
	const broken = [
		...new Set(files.flatMap((file) => problemsIn(file, readFileSync(file, 'utf8')))),
	].sort();

	it('every file, path and section the repository cites is in it', () => {
		expect(broken).toEqual([]);
	});

	it('sees a missing file, a missing section and a bare document name, and accepts what exists', () => {
		const file = join(ROOT, 'simulator', 'resources', 'example.ts');
		const text = [
			'// Reference: docs/contract.md §3, docs/chatwoot-v1.md §3.6, §4.8; deliveries: ../delivery.ts, README.md.',
			'// Reference: CONTRACT.md §1, chatwoot-api.md §5, docs/contract.md §9, docs/chatwoot-v1.md §4, §7.2, ../missing.ts, CONTRACT §4.',
		].join('\n');
		expect(problemsIn(file, text)).toEqual([
			'simulator/resources/example.ts: CONTRACT.md',
			'simulator/resources/example.ts: chatwoot-api.md',
			'simulator/resources/example.ts: ../missing.ts',
			'simulator/resources/example.ts: docs/contract.md §9 (no such section)',
			'simulator/resources/example.ts: docs/chatwoot-v1.md §7.2 (no such section)',
			'simulator/resources/example.ts: CONTRACT §4',
		]);
	});
});
