/**
 * Coverage against the contract: every row of endpoints.tsv (a copy of ../shared/huechat-api/endpoints.tsv) must be
 * an operation of the HueChat node, exercised by a node test, and described in the OpenAPI document the simulator
 * serves. Rows not covered yet are listed in PENDING with the issue that adds them; the list may only shrink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
			const match = /^=?\/api\/(v[12])\/accounts\/\{\{\$credentials\.accountId\}\}(\/.*)$/.exec(String(request?.url ?? ''));
			if (!request || !match) continue;
			operations.push({ resource, operation: String(option.value), key: endpointKey(match[1], String(request.method ?? 'GET'), match[2]) });
		}
	}
	return operations;
}

/** Operations each node test file runs: the file's `resource: '…'` (or `nodeSuite('…')`) paired with every `operation: '…'` in it. */
function testedOperations(): Set<string> {
	const tested = new Set<string>();
	const dir = join(ROOT, 'test', 'node');
	for (const file of readdirSync(dir).filter((name) => name.endsWith('.test.ts'))) {
		const text = readFileSync(join(dir, file), 'utf8');
		const resources = [...text.matchAll(/(?:resource: |nodeSuite\()'([a-zA-Z]+)'/g)].map((m) => m[1]);
		const operations = [...text.matchAll(/operation: '([a-zA-Z]+)'/g)].map((m) => m[1]);
		for (const resource of resources) for (const operation of operations) tested.add(`${resource}.${operation}`);
	}
	return tested;
}

function documentedEndpoints(): Set<string> {
	const document = JSON.parse(readFileSync(join(ROOT, 'openapi', 'huechat.openapi.json'), 'utf8')) as {
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

/** Rows that later issues add (issue 3: the rest of v1, issue 4: v2). Shrinks to nothing. */
const PENDING = new Set(
	rows
		.filter((row) => !['contact', 'conversation', 'message'].includes(row.resource) || row.api === 'v2')
		.map((row) => endpointKey(row.api, row.method, row.path)),
);
// Issue 3 (conversation, message and contact actions) is done: every v1 row of those resources is due.
// Issue 5 (webhook subscriptions) is done: account webhooks (v1) and outbound webhooks (v2).
for (const row of rows) {
	if (['account webhook', 'outbound webhook'].includes(row.resource)) PENDING.delete(endpointKey(row.api, row.method, row.path));
}
// Issue 3 (account resources) is done: inboxes and their agents, agents, teams and their members, labels, canned
// responses and custom attribute definitions.
for (const row of rows) {
	if (['inbox', 'agent', 'team', 'label', 'canned response', 'custom attribute'].includes(row.resource)) PENDING.delete(endpointKey(row.api, row.method, row.path));
}
// Issue 4 (v2 resources) is done: broadcasts, templates, contact lists, tickets, pipelines, deals and AI agents.
for (const row of rows) {
	if (['broadcast', 'template', 'contact list', 'ticket', 'pipeline', 'deal', 'ai agent'].includes(row.resource)) PENDING.delete(endpointKey(row.api, row.method, row.path));
}

describe('Coverage of endpoints.tsv', () => {
	const operations = nodeOperations();
	const byKey = new Map(operations.map((op) => [op.key, op]));
	const tested = testedOperations();
	const documented = documentedEndpoints();
	const due = rows.filter((row) => !PENDING.has(endpointKey(row.api, row.method, row.path)));

	it('lists 122 operations', () => {
		expect(rows).toHaveLength(122);
	});

	it('every due row is an operation of the node', () => {
		const missing = due.filter((row) => !byKey.has(endpointKey(row.api, row.method, row.path))).map((row) => endpointKey(row.api, row.method, row.path));
		expect(missing).toEqual([]);
	});

	it('every due row is run by a node test through the routing engine', () => {
		const untested = due
			.map((row) => byKey.get(endpointKey(row.api, row.method, row.path)))
			.filter((op): op is NodeOperation => op !== undefined && !tested.has(`${op.resource}.${op.operation}`))
			.map((op) => `${op.resource}.${op.operation}`);
		expect(untested).toEqual([]);
	});

	it('every due row is described in the OpenAPI document', () => {
		const undocumented = due.map((row) => endpointKey(row.api, row.method, row.path)).filter((key) => !documented.has(key));
		expect(undocumented).toEqual([]);
	});

	it('PENDING only lists rows that are really still missing', () => {
		const done = [...PENDING].filter((key) => byKey.has(key) && documented.has(key));
		expect(done).toEqual([]);
	});
});
