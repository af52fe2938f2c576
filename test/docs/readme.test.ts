/**
 * README.md's operations table is generated (scripts/readme-operations.ts) from the node's description: this fails
 * when the node changed and the README was not regenerated. Runs the generator on the node's SOURCE, so no build is
 * needed; the script itself reads the built dist/ (`npm run build && node scripts/readme-operations.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import {
	END_MARKER,
	operationsTable,
	START_MARKER,
	withTable,
	type NodeDescription,
	type OpenApiDocument,
} from '../../scripts/readme-operations.ts';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const document = JSON.parse(
	readFileSync(join(ROOT, 'openapi', 'huechat.openapi.json'), 'utf8'),
) as OpenApiDocument;
const description = new HueChat().description as unknown as NodeDescription;

describe('README.md', () => {
	it('starts with the two commands', () => {
		expect(readme.split('\n').slice(0, 6).join('\n')).toMatch(
			/^# n8n-nodes-huechat\n\n```sh\nnpm start .*\nnpm test .*\n```/,
		);
	});

	it("has the operations table generated from the node's description (else run: npm run build && node scripts/readme-operations.ts)", () => {
		expect(readme).toContain(START_MARKER);
		expect(readme).toContain(END_MARKER);
		expect(withTable(readme, operationsTable(description, document))).toBe(readme);
	});

	it('lists every resource and operation, and a scope for every resource', () => {
		const table = operationsTable(description, document);
		const resource = description.properties.find((property) => property.name === 'resource')!;
		const rows = table
			.split('\n')
			.filter((line) => line.startsWith('| ') && !line.startsWith('| resource'));
		expect(rows).toHaveLength(resource.options!.length);
		for (const row of rows)
			expect(row).toMatch(/^\| [A-Z][A-Za-z ]+ \| [A-Z].* \| `[a-z_]+:(read|write|delete)`.* \|$/);
		const operations = description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => property.options ?? []);
		expect(table).toContain(
			`${resource.options!.length} resources, ${operations.length} operations.`,
		);
	});

	it('names every example workflow', () => {
		const examples = readdirSync(join(ROOT, 'examples')).filter((file) => file.endsWith('.json'));
		for (const file of examples)
			expect({ file, mentioned: readme.includes(`examples/${file}`) }).toEqual({
				file,
				mentioned: true,
			});
	});
});
