/**
 * Compatibility: a third-party Chatwoot client against the simulator. The devlikeapro node
 * (`@devlikeapro/n8n-nodes-chatwoot`, generated from Chatwoot's swagger; test/compat/peer.ts installs it) runs in a
 * real n8n 2.41.1 beside this package, one workflow with a node for every operation its description lists, in each
 * of the simulator's conventions. Per operation (devlikeapro.ts): a path HueChat's document lacks is answered 404;
 * every other call succeeds, or fails as a peer bug named with Chatwoot's swagger or source as evidence (what the
 * peer sent wrong is checked in the request HueChat received). A failure that is neither is the simulator's to fix.
 */
import * as path from 'node:path';

import type { Convention } from '../../simulator/chatwoot.ts';
import { startSimulator, type RecordedRequest, type Simulator } from '../../simulator/server.ts';
import { N8nInstance, type ExecutionRun, type WorkflowFixture } from '../e2e/harness';
import { IN_SCOPE, operationKey, type Fixtures, type OperationKey } from './devlikeapro';
import { ensurePeerFiles, installPeer, PEER_CREDENTIAL_TYPE, PEER_NODE_TYPE } from './peer';

interface Property {
	name: string;
	type: string;
	default?: unknown;
	required?: boolean;
	options?: Array<{ value: string; routing?: { request?: { method: string; url: string } } }>;
	displayOptions?: { show?: { resource?: string[]; operation?: string[] } };
}

interface PeerOperationInfo {
	key: OperationKey;
	resource: string;
	operation: string;
	method: string;
	/** The URL template, `{{$parameter["x"]}}` for each path parameter. */
	url: string;
	/** Whether HueChat's document has the method and path (a trailing slash aside, which Rails' router ignores). */
	inScope: boolean;
	/** The defaults of the operation's own parameters. */
	defaults: Record<string, unknown>;
	/** Its required text parameters: n8n refuses to run a workflow where one is empty. */
	requiredText: string[];
}

// The peer's operations, from its node description as n8n loads it (so a new one cannot be skipped).
const peerModules = ensurePeerFiles();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ChatWoot } = require(
	path.join(peerModules, '@devlikeapro/n8n-nodes-chatwoot/dist/nodes/ChatWoot/ChatWoot.node.js'),
) as { ChatWoot: new () => { description: { properties: Property[] } } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DOCUMENT = require('../../openapi/huechat.openapi.json') as {
	paths: Record<string, Record<string, unknown>>;
	'x-chatwoot-deviations': Array<{ topic: string }>;
};

const PARAMETER = /\{\{\$parameter\["([^"]+)"\]\}\}/g;
const template = (url: string) => url.replace(/^=/, '').replace(PARAMETER, '{}').replace(/\/$/, '');
const HUECHAT_OPERATIONS = new Set(
	Object.entries(DOCUMENT.paths).flatMap(([p, item]) =>
		Object.keys(item).map((method) => `${method.toUpperCase()} ${p.replace(/\{[^}]+\}/g, '{}')}`),
	),
);

function peerOperations(): PeerOperationInfo[] {
	const { properties } = new ChatWoot().description;
	return properties
		.filter((p) => p.name === 'operation' && p.options)
		.flatMap((p) =>
			p.options!.map((option) => {
				const resource = p.displayOptions!.show!.resource![0];
				const { method, url } = option.routing!.request!;
				const own = properties.filter(
					(q) =>
						q.name !== 'operation' &&
						q.displayOptions?.show?.resource?.[0] === resource &&
						q.displayOptions.show.operation?.includes(option.value),
				);
				return {
					key: operationKey(resource, option.value),
					resource,
					operation: option.value,
					method,
					url: url.replace(/^=/, ''),
					inScope: HUECHAT_OPERATIONS.has(`${method} ${template(url)}`),
					defaults: Object.fromEntries(own.map((q) => [q.name, q.default])),
					requiredText: own
						.filter((q) => q.required && q.type === 'string' && q.default === '')
						.map((q) => q.name),
				};
			}),
		);
}

const OPERATIONS = peerOperations();
const IN = OPERATIONS.filter((op) => op.inScope);
const OUT = OPERATIONS.filter((op) => !op.inScope);

const ACCOUNT_ID = 1;
const CREDENTIAL = { id: 'compatPeerCred01', name: 'Chatwoot (HueChat simulator)' };
const WORKFLOW_ID = 'compatDevlikeapro1';

/** The plan's parameters; outside HueChat v1, the account and a word in each required text parameter. */
function parametersOf(op: PeerOperationInfo, fixtures: Fixtures): Record<string, unknown> {
	const chosen =
		IN_SCOPE[op.key]?.parameters(fixtures) ??
		Object.fromEntries([
			['account_id', ACCOUNT_ID],
			...op.requiredText.map((name) => [name, 'compat']),
		]);
	return { resource: op.resource, operation: op.operation, ...chosen };
}

/** The path the node requests: its URL template with the parameters it was given, or their defaults. */
function expectedPath(op: PeerOperationInfo, parameters: Record<string, unknown>): string {
	return op.url.replace(PARAMETER, (_, name: string) =>
		String(parameters[name] ?? op.defaults[name] ?? ''),
	);
}

/** Manual Trigger → one peer node per operation, in a chain; each runs once and keeps going when it fails. */
function workflow(fixtures: Fixtures): WorkflowFixture {
	const trigger = {
		id: 'c0000000-0000-4000-8000-000000000000',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = OPERATIONS.map((op, index) => ({
		id: `c0000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
		name: op.key,
		type: PEER_NODE_TYPE,
		typeVersion: 1,
		position: [220 * (index + 1), 0],
		parameters: parametersOf(op, fixtures),
		credentials: { [PEER_CREDENTIAL_TYPE]: CREDENTIAL },
		executeOnce: true,
		onError: 'continueRegularOutput',
	}));
	const chain = [trigger, ...nodes];
	const connections = Object.fromEntries(
		chain
			.slice(0, -1)
			.map((node, i) => [
				node.name,
				{ main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return {
		id: WORKFLOW_ID,
		name: 'compat: devlikeapro Chatwoot node, every operation',
		nodes: chain,
		connections,
	};
}

/** Records the run acts on, created through the simulator's API on a freshly reset store. */
async function createFixtures(sim: Simulator, token: string): Promise<Fixtures> {
	const webhook = async (url: string) => {
		const response = await fetch(`${sim.url}/api/v1/accounts/${ACCOUNT_ID}/webhooks`, {
			method: 'POST',
			headers: { api_access_token: token, 'content-type': 'application/json' },
			body: JSON.stringify({ url, subscriptions: ['message_created'] }),
		});
		const body = (await response.json()) as { payload: { webhook: { id: number } } };
		if (!response.ok) throw new Error(`creating a webhook: ${response.status}`);
		return body.payload.webhook.id;
	};
	const contactInbox = (
		sim.control.collection('contact_inboxes') as Array<{
			contact_id: number;
			inbox_id: number;
			source_id: string;
		}>
	).find((ci) => ci.contact_id === 1 && ci.inbox_id === 1);
	const message = (
		sim.control.collection('messages') as Array<{ id: number; conversation_id: number }>
	).find((m) => m.conversation_id === 6);
	if (!contactInbox || !message)
		throw new Error('the seed changed: no contact_inbox 1/1 or message in conversation 6');
	return {
		accountId: ACCOUNT_ID,
		inboxId: 1,
		sourceId: contactInbox.source_id,
		webhookToUpdate: await webhook('https://example.com/compat-update'),
		webhookToDelete: await webhook('https://example.com/compat-delete'),
		messageConversation: 6,
		messageToDelete: message.id,
		runId: 'compat',
	};
}

interface Outcome {
	/** The requests the node sent (n8n sends one again after a 401), in order. */
	requests: RecordedRequest[];
	/** The last of them: the answer the node saw. */
	request?: RecordedRequest;
	/** The error item the node output (Continue On Fail), when it failed. */
	error?: { message?: string; httpCode?: string; description?: string };
	output?: unknown;
}

/**
 * Each node's requests and result. The chain runs the nodes in order, so HueChat receives their requests in order:
 * each node's are the consecutive ones with its method and path.
 */
function outcomes(
	run: ExecutionRun,
	requests: RecordedRequest[],
	fixtures: Fixtures,
): { byKey: Map<OperationKey, Outcome>; unclaimed: RecordedRequest[] } {
	const byKey = new Map<OperationKey, Outcome>();
	let next = 0;
	for (const op of OPERATIONS) {
		const expected = `${op.method} ${expectedPath(op, parametersOf(op, fixtures))}`;
		const own: RecordedRequest[] = [];
		while (next < requests.length && `${requests[next].method} ${requests[next].path}` === expected)
			own.push(requests[next++]);
		const task = run.data.resultData.runData[op.key]?.[0];
		const item = task?.data?.main[0]?.[0] as
			{ json: Record<string, unknown>; error?: Outcome['error'] } | undefined;
		const error = task?.error ?? item?.error ?? (item?.json.error as Outcome['error']);
		byKey.set(op.key, { requests: own, request: own.at(-1), error, output: item?.json });
	}
	return { byKey, unclaimed: requests.slice(next) };
}

/** The test's name: the operation and its expected outcome, with the evidence when it is the peer's bug. */
function title(key: OperationKey): string {
	const plan = IN_SCOPE[key];
	if (!plan?.peerBug) return `${key}: succeeds${plan?.note ? ` (${plan.note})` : ''}`;
	const { bug, evidence, status, deviation } = plan.peerBug;
	return `${key}: ${status}, peer bug: ${bug}. Evidence: ${evidence}${deviation ? ` (x-chatwoot-deviations: ${deviation})` : ''}`;
}

describe('the devlikeapro Chatwoot node (a third-party client) in real n8n against the simulator', () => {
	let sim: Simulator;
	let n8n: N8nInstance;
	let token: string;
	let fixtures: Fixtures;

	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		token = sim.control.createKey({ scopes: ['*'] }).token;
		fixtures = await createFixtures(sim, token);
		n8n = await N8nInstance.create({ name: 'compat' });
		await n8n.guard(async () => {
			installPeer(n8n);
			await n8n.importCredentials([
				{
					...CREDENTIAL,
					type: PEER_CREDENTIAL_TYPE,
					data: { url: sim.url, accessToken: token },
				},
			]);
			await n8n.importWorkflows([workflow(fixtures)]);
			await n8n.start();
			process.stdout.write(`[compat] n8n ready in ${(n8n.startupMs / 1000).toFixed(1)} s\n`);
		});
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	it('lists every operation of the peer, each either in HueChat v1 (with a plan in devlikeapro.ts) or outside it', () => {
		expect(OPERATIONS.length).toBeGreaterThan(100);
		expect(IN.map((op) => op.key).sort()).toEqual(Object.keys(IN_SCOPE).sort());
		for (const plan of Object.values(IN_SCOPE)) {
			if (plan.peerBug?.deviation)
				expect(DOCUMENT['x-chatwoot-deviations'].map((d) => d.topic)).toContain(
					plan.peerBug.deviation,
				);
		}
	});

	describe.each<Convention>(['chatwoot', 'huechat'])('convention %s', (convention) => {
		let results: Map<OperationKey, Outcome>;
		let unclaimed: RecordedRequest[];

		beforeAll(async () => {
			sim.control.reset();
			sim.control.setConvention(convention);
			sim.control.createKey({ token, scopes: ['*'] });
			// the workflow holds the fixtures' ids: a reset store hands out the same ones
			expect(await createFixtures(sim, token)).toEqual(fixtures);
			const since = sim.control.requests().at(-1)?.seq ?? 0;
			const result = await n8n.guard(() =>
				n8n.executeWorkflow(WORKFLOW_ID, { timeoutMs: 240_000 }),
			);
			process.stdout.write(
				`[compat] ${convention}: ${OPERATIONS.length} operations in ${(result.durationMs / 1000).toFixed(1)} s\n`,
			);
			if (!result.run)
				throw new Error(`n8n execute printed no run (exit ${result.code})\n${n8n.logTail()}`);
			({ byKey: results, unclaimed } = outcomes(result.run, sim.control.requests(since), fixtures));
		});

		it('HueChat received the requests of every node, in order, and no other', () => {
			expect(OPERATIONS.filter((op) => results.get(op.key)!.requests.length === 0)).toEqual([]);
			expect(unclaimed.map((r) => `${r.method} ${r.path}`)).toEqual([]);
		});

		it.each(IN.map((op) => [title(op.key), op] as const))('%s', (_, op) => {
			const key = op.key;
			const plan = IN_SCOPE[key];
			const { request, error, output } = results.get(key)!;
			expect(request).toBeDefined();
			// the token reached HueChat in the spelling the peer sends (Api-Access-Token)
			expect(request?.headers['api-access-token']).toBe(token);
			const bug = plan.peerBug;
			if (!bug) {
				expect(request?.status).toBeGreaterThanOrEqual(200);
				expect(request?.status).toBeLessThan(300);
				expect(error?.message).toBeUndefined();
				expect(output).toBeDefined();
				return;
			}
			// a peer bug: HueChat refuses what the peer sent wrong, and the node reports the failure
			expect(request?.status).toBe(bug.status);
			expect({ query: request?.query, body: request?.body }).toMatchObject(bug.sent);
			expect(error).toBeDefined();
		});

		it(`answers 404 to each of the ${OUT.length} operations outside HueChat v1 (platform, public, reports, help center and other Chatwoot APIs HueChat does not offer)`, () => {
			const answered = OUT.map((op) => ({
				key: op.key,
				method: results.get(op.key)?.request?.method,
				status: results.get(op.key)?.request?.status,
				failed: results.get(op.key)?.error !== undefined,
			}));
			expect(answered).toEqual(
				OUT.map((op) => ({ key: op.key, method: op.method, status: 404, failed: true })),
			);
		});
	});
});
