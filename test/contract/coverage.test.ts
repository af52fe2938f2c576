/**
 * Coverage against the contract: every row of endpoints.tsv (the operations docs/contract.md puts in scope) must be
 * an operation of the HueChat node, run by a node test through the routing engine, and described in the OpenAPI
 * document the simulator serves. Every row is due: nothing is pending.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as ts from 'typescript';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';

const ROOT = join(__dirname, '..', '..');

interface Row {
	api: string;
	method: string;
	path: string;
	resource: string;
	operation: string;
}

const rows: Row[] = readFileSync(join(__dirname, 'endpoints.tsv'), 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => {
		const [api, method, path, resource, operation] = line.split('\t');
		return { api, method, path, resource, operation };
	});

/** `/api/v1/accounts/{{$credentials.accountId}}/contacts/{{$parameter.contactId}}` → `v1 GET /contacts/{}` */
function endpointKey(api: string, method: string, path: string): string {
	return `${api} ${method.toUpperCase()} ${path.replace(/\{[^}]*\}\}?/g, '{}')}`;
}

interface NodeOperation {
	resource: string;
	operation: string;
	key: string;
}

function nodeOperations(): NodeOperation[] {
	const { properties } = new HueChat().description;
	const operations: NodeOperation[] = [];
	for (const property of properties as INodeProperties[]) {
		if (property.name !== 'operation') continue;
		const resource = property.displayOptions?.show?.resource?.[0] as string;
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			const request = option.routing?.request;
			const match = /^=?\/api\/(v[12])\/accounts\/\{\{\$credentials\.accountId\}\}(\/.*)$/.exec(
				String(request?.url ?? ''),
			);
			if (!request || !match) continue;
			operations.push({
				resource,
				operation: String(option.value),
				key: endpointKey(match[1], String(request.method ?? 'GET'), match[2]),
			});
		}
	}
	return operations;
}

/** The string value of `name: '…'` in an object literal, if it has one. */
function stringProperty(object: ts.ObjectLiteralExpression, name: string): string | undefined {
	for (const property of object.properties) {
		if (
			ts.isPropertyAssignment(property) &&
			property.name.getText() === name &&
			ts.isStringLiteral(property.initializer)
		)
			return property.initializer.text;
	}
	return undefined;
}

/**
 * The (resource, operation) pairs a node test file runs, read from its syntax tree: each object literal with
 * `operation: '…'` is paired with the `resource: '…'` of the same object, or else with the file's resource: the one
 * `nodeSuite('…')` names, or the one a helper spreads its parameters into (`{ resource: 'message', ...parameters }`).
 * An operation with no resource to pair it with is returned under `unattributed`.
 */
function operationsRunBy(
	fileName: string,
	text: string,
): { pairs: Set<string>; unattributed: string[] } {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
	const fileResources = new Set<string>();
	const operations: { operation: string; resource?: string; line: number }[] = [];
	const visit = (node: ts.Node): void => {
		if (
			ts.isCallExpression(node) &&
			node.expression.getText() === 'nodeSuite' &&
			node.arguments[0] &&
			ts.isStringLiteral(node.arguments[0])
		) {
			fileResources.add(node.arguments[0].text);
		}
		if (ts.isObjectLiteralExpression(node)) {
			const resource = stringProperty(node, 'resource');
			const operation = stringProperty(node, 'operation');
			if (
				resource !== undefined &&
				operation === undefined &&
				node.properties.some(ts.isSpreadAssignment)
			)
				fileResources.add(resource);
			if (operation !== undefined) {
				operations.push({
					operation,
					resource,
					line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
				});
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	const pairs = new Set<string>();
	const unattributed: string[] = [];
	for (const { operation, resource, line } of operations) {
		const paired = resource ?? (fileResources.size === 1 ? [...fileResources][0] : undefined);
		if (paired === undefined) unattributed.push(`${fileName}:${line} operation '${operation}'`);
		else pairs.add(`${paired}.${operation}`);
	}
	return { pairs, unattributed };
}

function testedOperations(): { tested: Set<string>; unattributed: string[] } {
	const tested = new Set<string>();
	const unattributed: string[] = [];
	const dir = join(ROOT, 'test', 'node');
	for (const file of readdirSync(dir).filter((name) => name.endsWith('.test.ts'))) {
		const found = operationsRunBy(file, readFileSync(join(dir, file), 'utf8'));
		for (const pair of found.pairs) tested.add(pair);
		unattributed.push(...found.unattributed);
	}
	return { tested, unattributed };
}

function documentedEndpoints(): Set<string> {
	const document = JSON.parse(
		readFileSync(join(ROOT, 'openapi', 'huechat.openapi.json'), 'utf8'),
	) as {
		paths: Record<string, Record<string, unknown>>;
	};
	const keys = new Set<string>();
	for (const [path, item] of Object.entries(document.paths)) {
		const match = /^\/api\/(v[12])\/accounts\/\{[^}]+\}(\/.*)$/.exec(path);
		if (!match) continue;
		for (const method of Object.keys(item)) keys.add(endpointKey(match[1], method, match[2]));
	}
	return keys;
}

describe('Coverage of endpoints.tsv', () => {
	const operations = nodeOperations();
	const byKey = new Map(operations.map((op) => [op.key, op]));
	const { tested, unattributed } = testedOperations();
	const documented = documentedEndpoints();

	it('lists 122 operations', () => {
		expect(rows).toHaveLength(122);
	});

	it('every row is an operation of the node', () => {
		const missing = rows
			.filter((row) => !byKey.has(endpointKey(row.api, row.method, row.path)))
			.map((row) => endpointKey(row.api, row.method, row.path));
		expect(missing).toEqual([]);
	});

	it('every row is run by a node test through the routing engine', () => {
		const untested = rows
			.map((row) => byKey.get(endpointKey(row.api, row.method, row.path)))
			.filter(
				(op): op is NodeOperation =>
					op !== undefined && !tested.has(`${op.resource}.${op.operation}`),
			)
			.map((op) => `${op.resource}.${op.operation}`);
		expect(untested).toEqual([]);
	});

	it('every row is described in the OpenAPI document', () => {
		const undocumented = rows
			.map((row) => endpointKey(row.api, row.method, row.path))
			.filter((key) => !documented.has(key));
		expect(undocumented).toEqual([]);
	});

	it('every operation a node test runs is paired with its resource', () => {
		expect(unattributed).toEqual([]);
	});

	it('pairs an operation with the resource of its own object, not with any resource of the file', () => {
		const text =
			"const suite = nodeSuite('contact');\nsuite.run({ operation: 'get' });\nrun({ resource: 'deal', operation: 'markWon' });";
		expect([...operationsRunBy('example.test.ts', text).pairs].sort()).toEqual([
			'contact.get',
			'deal.markWon',
		]);
	});
});
