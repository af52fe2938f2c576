/**
 * Every workflow in examples/ runs in a real n8n 2.41.1 (the packed package) against the simulator, as users import
 * it: manual ones with `n8n execute`, trigger ones published, the event caused through the simulator's API (which
 * delivers it, signed, to n8n's production webhook URL). Each test asserts what HueChat received and stored.
 *
 * The MCP example is called by a real MCP client (@modelcontextprotocol/sdk) over n8n's MCP Server Trigger: no LLM,
 * the client lists the HueChat tools and calls them as a model would, with the bearer token the example's trigger
 * requires; a client without it is refused before any tool runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { startSimulator, type RecordedRequest, type Simulator } from '../../simulator/server.ts';
import {
	N8nInstance,
	outputOf,
	PACKAGE_NAME,
	REPO_ROOT,
	sleep,
	startReceiver,
	waitFor,
	type ItemJson,
	type WorkflowFixture,
} from './harness';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const CREDENTIAL = { id: 'huechatSim0001', name: 'HueChat (simulator)' };
/** The Bearer Auth credential the MCP example's trigger checks (examples/mcp-server-tools.json). */
const MCP_CREDENTIAL = { id: 'huechatMcpBearer01', name: 'HueChat MCP clients (bearer token)' };
const MCP_TOKEN = `mcp-e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Every example and how this file runs it; a new example without an entry here fails the first test. */
const EXAMPLES: Record<string, { id: string; runs: string }> = {
	'contacts-and-conversations.json': {
		id: 'hcExampleContacts01',
		runs: 'test/e2e/spine.e2e.test.ts (and on n8n 1.x)',
	},
	'auto-answer-incoming-messages.json': {
		id: 'hcExAutoAnswer',
		runs: 'published; incoming message',
	},
	'deals-from-crm.json': { id: 'hcExDealsIn', runs: 'n8n execute, twice' },
	'deals-to-crm.json': { id: 'hcExDealsOut', runs: 'published; deal created and won' },
	'broadcast-from-spreadsheet.json': { id: 'hcExBroadcast', runs: 'n8n execute' },
	'escalate-to-human-team.json': { id: 'hcExEscalate', runs: 'published; incoming messages' },
	'mcp-server-tools.json': { id: 'hcExMcpTools', runs: 'published; MCP client' },
	'confirm-with-the-customer.json': { id: 'hcExConfirm', runs: 'published; Yes, then No' },
	'ai-draft-approved-by-a-human.json': {
		id: 'hcExAiDraft',
		runs: 'published, with a fixed draft for the model; approved, then declined',
	},
};

/** CI has no model key: the AI example's draft comes from a Set node of the same name, its model is left out. */
const FIXED_DRAFT = 'Yes, we ship to Norway: 3 to 5 working days, 9 EUR.';
function withFixedDraft(workflow: WorkflowFixture & { nodes: Node[] }): void {
	const nodes = workflow.nodes as Node[];
	const draft = nodes.find((node) => node.name === 'Draft an answer')!;
	Object.assign(draft, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [{ id: 'fixed-draft', name: 'text', value: FIXED_DRAFT, type: 'string' }],
			},
			options: {},
		},
	});
	workflow.nodes = nodes.filter((node) => node.name !== 'OpenAI Chat Model');
	delete (workflow.connections as Record<string, unknown>)['OpenAI Chat Model'];
}

interface Node {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

function readExample(file: string): WorkflowFixture & { nodes: Node[] } {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowFixture & {
		nodes: Node[];
	};
}

describe('examples/*.json in real n8n against the simulator', () => {
	let sim: Simulator;
	let n8n: N8nInstance;
	let crm: Awaited<ReturnType<typeof startReceiver>>;
	let token: string;
	const figures = { examples: 0, executions: 0, mcpToolsListed: 0, mcpToolCalls: 0 };

	beforeAll(async () => {
		sim = await startSimulator({ port: 0, delivery: { retryBaseMs: 250, maxAttempts: 6 } });
		token = sim.control.createKey({ scopes: ['*'] }).token;
		crm = await startReceiver();
		n8n = await N8nInstance.create({ name: 'examples' });
		await n8n.guard(async () => {
			await n8n.importCredentials([
				{
					...CREDENTIAL,
					type: 'hueChatApi',
					data: { apiToken: token, accountId: sim.accountId, baseUrl: sim.url },
				},
				{ ...MCP_CREDENTIAL, type: 'httpBearerAuth', data: { token: MCP_TOKEN } },
			]);
			const workflows = Object.keys(EXAMPLES).map((file) => {
				const workflow = readExample(file);
				// The one change: the stand-in CRM instead of https://crm.example.com
				for (const node of workflow.nodes)
					if (node.name === 'Upsert in your CRM')
						node.parameters.url = `${crm.url}/api/deals/upsert`;
				if (file === 'ai-draft-approved-by-a-human.json') withFixedDraft(workflow);
				return workflow;
			});
			await n8n.importWorkflows(workflows);
			await n8n.start();
			process.stdout.write(
				`[e2e] n8n ready in ${(n8n.startupMs / 1000).toFixed(1)} s on ${n8n.baseUrl}\n`,
			);
		});
	});

	afterAll(async () => {
		process.stdout.write(`[e2e] examples figures: ${JSON.stringify(figures)}\n`);
		await n8n?.dispose();
		await sim?.delivery.settled();
		await sim?.close();
		await crm?.close();
	});

	const base = (api: 'v1' | 'v2') => `/api/${api}/accounts/${sim.accountId}`;
	const lastSeq = () => sim.control.requests().at(-1)?.seq ?? 0;
	const subscriptions = () =>
		sim.control.collection('outbound_webhooks') as Array<{ url: string; events: string[] }>;

	async function huechat<T = Record<string, unknown>>(
		method: string,
		urlPath: string,
		body?: unknown,
	): Promise<T> {
		const response = await fetch(`${sim.url}${urlPath}`, {
			method,
			headers: { api_access_token: token, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (response.status >= 300)
			throw new Error(`${method} ${urlPath} → ${response.status}: ${text}`);
		return (text ? JSON.parse(text) : {}) as T;
	}

	/** A contact writing in: an incoming message (only API inboxes take them through the API). */
	const customerWrites = async (conversationId: number, content: string) =>
		await huechat<{ id: number }>(
			'POST',
			`${base('v1')}/conversations/${conversationId}/messages`,
			{ content, message_type: 'incoming' },
		);

	/** An open conversation of the API inbox (seeded). */
	function apiInboxConversation(skip = 0): number {
		const conversations = (
			sim.control.collection('conversations') as Array<{
				display_id: number;
				inbox_id: number;
				status: string;
				account_id: number;
			}>
		).filter((c) => c.account_id === sim.accountId && c.inbox_id === 1 && c.status === 'open');
		return conversations[skip].display_id;
	}

	async function publish(id: string, subscriptionUrlPart?: string): Promise<void> {
		await n8n.publishWorkflow(id);
		if (subscriptionUrlPart)
			await waitFor(`the subscription of ${id}`, () =>
				subscriptions().some((s) => s.url.includes(subscriptionUrlPart)),
			);
	}

	async function unpublish(id: string): Promise<void> {
		await n8n.unpublishWorkflow(id);
		await waitFor(`no subscription after unpublishing ${id}`, () => subscriptions().length === 0);
	}

	async function executionsOf(workflowId: string, count: number) {
		const list = await waitFor(`${count} finished execution(s) of ${workflowId}`, async () => {
			const found = await n8n.listExecutions({ workflowId, includeData: true, limit: 100 });
			return found.length >= count &&
				found.every((e) => e.finished || e.status === 'success' || e.status === 'error')
				? found
				: undefined;
		});
		return list;
	}

	const webhookIdOf = (file: string) =>
		(readExample(file).nodes as Array<Node & { webhookId?: string }>).find(
			(node) => node.webhookId,
		)!.webhookId!;

	function posts(requests: RecordedRequest[], pathEnd: string | RegExp, method = 'POST') {
		return requests.filter(
			(r) =>
				r.method === method &&
				(typeof pathEnd === 'string' ? r.path.endsWith(pathEnd) : pathEnd.test(r.path)),
		);
	}

	it('covers every example; each is importable, references the demo credential and only node types n8n knows', () =>
		n8n.guard(async () => {
			const files = fs
				.readdirSync(EXAMPLES_DIR)
				.filter((file) => file.endsWith('.json'))
				.sort();
			expect(files).toEqual(Object.keys(EXAMPLES).sort());
			const known = new Set(await n8n.serverNodeTypes());
			for (const file of files) {
				const workflow = readExample(file);
				expect({ file, id: workflow.id }).toEqual({ file, id: EXAMPLES[file].id });
				// n8n saves a workflow's static data (where the HueChat Trigger keeps its subscription and secret) only
				// for ids of at most 21 characters, n8n 1.x only up to 16: longer ids lose the trigger's secret.
				const hasTrigger = (workflow.nodes as Node[]).some(
					(node) => node.type === `${PACKAGE_NAME}.hueChatTrigger`,
				);
				expect({ file, length: workflow.id.length <= (hasTrigger ? 16 : 21) }).toEqual({
					file,
					length: true,
				});
				for (const node of workflow.nodes) {
					expect({ file, node: node.name, known: known.has(node.type) }).toEqual({
						file,
						node: node.name,
						known: true,
					});
					if (node.type.startsWith(`${PACKAGE_NAME}.`))
						expect({ file, node: node.name, credentials: node.credentials }).toEqual({
							file,
							node: node.name,
							credentials: { hueChatApi: CREDENTIAL },
						});
				}
			}
			const imported = await n8n.api<{ data: Array<{ id: string }> }>(
				'GET',
				'/workflows?limit=100',
			);
			expect(imported.data.map((w) => w.id).sort()).toEqual(
				Object.values(EXAMPLES)
					.map((e) => e.id)
					.sort(),
			);
			figures.examples = files.length;
		}));

	it('auto-answer: an incoming message gets an answer in its conversation; the answer itself starts nothing', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['auto-answer-incoming-messages.json'].id;
			await publish(id, webhookIdOf('auto-answer-incoming-messages.json'));
			const conversationId = apiInboxConversation();
			const since = lastSeq();
			const incoming = await customerWrites(conversationId, 'Hi, where is my order?');

			const answerPath = `${base('v1')}/conversations/${conversationId}/messages`;
			const [answer] = await waitFor('the answer', () => {
				const found = posts(sim.control.requests(since), answerPath).filter(
					(r) => (r.body as { message_type?: string }).message_type !== 'incoming',
				);
				return found.length ? found : undefined;
			});
			const contact = (
				sim.control.collection('messages') as Array<{ id: number; sender_id: number }>
			).find((m) => m.id === incoming.id)!;
			const contactName = (
				sim.control.collection('contacts') as Array<{ id: number; name: string }>
			).find((c) => c.id === contact.sender_id)!.name;
			expect(answer.body).toEqual({
				content: `Hi ${contactName}, thanks for your message! We got it and a teammate will answer shortly.`,
			});
			expect(answer.status).toBe(201);
			const stored = (
				sim.control.collection('messages') as Array<{
					conversation_id: number;
					content: string;
					message_type: number;
					id: number;
				}>
			).filter((m) => m.id > incoming.id && m.content.startsWith(`Hi ${contactName}, thanks`));
			expect(stored).toHaveLength(1);

			// The answer's own message.created is delivered too, and skipped (outgoing): one execution only
			await sim.delivery.settled();
			await sleep(1_000);
			const executions = await executionsOf(id, 1);
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			figures.executions += executions.length;
			await unpublish(id);
		}));

	it('deals from the CRM: Create or Update by External ID updates crm-1001, creates the others once, and a rerun duplicates nothing', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['deals-from-crm.json'].id;
			const deals = () =>
				(
					sim.control.collection('deals') as Array<{
						external_id: string | null;
						title: string;
						value: string;
						currency: string;
						stage_id: string;
						pipeline_id: string;
					}>
				).filter((d) => d.external_id !== null);
			const before = deals().length;
			const pipeline = (
				sim.control.collection('pipelines') as Array<{
					id: string;
					name: string;
					stages: Array<{ id: string; name: string }>;
				}>
			).find((p) => p.name === 'Sales')!;
			const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;

			for (const [run, expected] of [
				[1, ['updated', 'created', 'created']],
				[2, ['updated', 'updated', 'updated']],
			] as const) {
				const since = lastSeq();
				const result = await n8n.executeWorkflow(id);
				expect({
					run,
					code: result.code,
					error: result.run?.data.resultData.error?.message,
				}).toEqual({ run, code: 0, error: undefined });
				const output = outputOf(result.run!, 'Create or update the deal');
				expect(output.map((deal: ItemJson) => [deal.external_id, deal.action])).toEqual([
					['crm-1001', expected[0]],
					['crm-9001', expected[1]],
					['crm-9002', expected[2]],
				]);
				const writes = sim.control
					.requests(since)
					.filter((r) => r.path.startsWith(`${base('v2')}/deals`) && r.method !== 'GET');
				expect(writes.every((r) => (r.status ?? 0) < 300)).toBe(true);
				figures.executions += 1;
			}
			expect(deals().length).toBe(before + 2);
			const byExternal = (externalId: string) =>
				deals().filter((d) => d.external_id === externalId);
			for (const externalId of ['crm-1001', 'crm-9001', 'crm-9002'])
				expect(byExternal(externalId)).toHaveLength(1);
			expect(byExternal('crm-1001')[0]).toMatchObject({
				title: 'Onboarding package #1',
				value: '1350.00',
				currency: 'USD',
				pipeline_id: pipeline.id,
				stage_id: stage('Proposal'),
			});
			expect(byExternal('crm-9001')[0]).toMatchObject({
				title: 'Acme Corp: annual plan',
				value: '4800.00',
				currency: 'EUR',
				stage_id: stage('Qualified'),
			});
			expect(byExternal('crm-9002')[0]).toMatchObject({
				title: 'Globex: WhatsApp add-on',
				value: '249.99',
				currency: 'USD',
				stage_id: stage('Lead'),
			});
		}));

	it('deals to the CRM: a deal created and won in HueChat reaches the CRM as two upserts with its fields', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['deals-to-crm.json'].id;
			await publish(id, webhookIdOf('deals-to-crm.json'));
			crm.received.length = 0;
			const pipeline = (
				sim.control.collection('pipelines') as Array<{
					id: string;
					name: string;
					stages: Array<{ id: string }>;
				}>
			).find((p) => p.name === 'Sales')!;
			const deal = await huechat<{ id: string }>('POST', `${base('v2')}/deals`, {
				title: 'Initech: support retainer',
				pipeline_id: pipeline.id,
				stage_id: pipeline.stages[0].id,
				value: '640.00',
				currency: 'GBP',
				external_id: 'crm-7001',
			});
			await huechat('POST', `${base('v2')}/deals/${deal.id}/won`);
			await waitFor('two CRM upserts', () => crm.received.length >= 2);
			await sim.delivery.settled();
			await sleep(500);
			const common = {
				crm_id: 'crm-7001',
				name: 'Initech: support retainer',
				amount: '640.00',
				currency: 'GBP',
				huechat_deal_id: deal.id,
				huechat_stage_id: pipeline.stages[0].id,
			};
			expect(
				crm.received
					.map((entry): Record<string, unknown> => ({ path: entry.path, ...entry.body }))
					.sort((a, b) => String(a.huechat_event).localeCompare(String(b.huechat_event))),
			).toEqual([
				{ path: '/api/deals/upsert', ...common, status: 'open', huechat_event: 'deal.created' },
				{ path: '/api/deals/upsert', ...common, status: 'won', huechat_event: 'deal.won' },
			]);
			const executions = await executionsOf(id, 2);
			expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
			figures.executions += executions.length;
			await unpublish(id);
		}));

	it('broadcast from a spreadsheet: contacts upserted by email, a list of them, a broadcast of spring_sale to it, sent and completed', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['broadcast-from-spreadsheet.json'].id;
			const since = lastSeq();
			const result = await n8n.executeWorkflow(id);
			expect({ code: result.code, error: result.run?.data.resultData.error?.message }).toEqual({
				code: 0,
				error: undefined,
			});
			figures.executions += 1;
			const run = result.run!;
			const contacts = outputOf(run, 'Create or update the contact');
			expect(contacts.map((c: ItemJson) => [c.email, c.action])).toEqual([
				['amara.okafor@example.com', 'created'],
				['jonas.weber@example.com', 'created'],
				['layla.haddad@example.com', 'created'],
			]);
			const contactIds = contacts.map((c: ItemJson) => c.id as number);
			const [list] = outputOf(run, 'Create a contact list');
			const [added] = outputOf(run, 'Add the contacts');
			expect(added).toMatchObject({ added: 3, skipped: 0 });
			const [broadcast] = outputOf(run, 'Create the broadcast');
			const [sent] = outputOf(run, 'Send now');
			expect(sent).toMatchObject({ id: broadcast.id, status: 'sending' });

			const requests = sim.control.requests(since);
			const [listPost] = posts(requests, `${base('v2')}/contact_lists`);
			expect(listPost.body).toEqual({
				name: list.name,
				description: 'Imported from the spreadsheet by n8n',
			});
			const memberPosts = posts(
				requests,
				`${base('v2')}/contact_lists/${String(list.id)}/contacts`,
			);
			expect(memberPosts.map((r) => r.body)).toEqual([{ contact_ids: contactIds }]);
			const [broadcastPost] = posts(requests, `${base('v2')}/broadcasts`);
			expect(broadcastPost.body).toEqual({
				name: list.name,
				inbox_id: 3,
				template_id: 'f1ecfa5e-e558-4c81-81ca-1ca460fc2dfa',
				audience: { contact_list_ids: [list.id], labels: [] },
				template_variables: { 1: 'there', 2: 'SPRING20' },
			});
			expect(posts(requests, `${base('v2')}/broadcasts/${String(broadcast.id)}/send`)).toHaveLength(
				1,
			);

			// What HueChat stored: each contact once (matched by email), the list, and the broadcast completing
			const stored = sim.control.collection('contacts') as Array<{
				id: number;
				email: string | null;
				phone_number: string | null;
			}>;
			for (const email of [
				'amara.okafor@example.com',
				'jonas.weber@example.com',
				'layla.haddad@example.com',
			]) {
				expect(stored.filter((c) => c.email === email)).toHaveLength(1);
			}
			expect(
				(sim.control.collection('contact_lists') as Array<{ id: string; contact_ids: number[] }>)
					.find((l) => l.id === list.id)
					?.contact_ids.sort(),
			).toEqual([...contactIds].sort());
			const stats = await waitFor('the broadcast to complete', async () => {
				const answer = await huechat<{ status: string }>(
					'GET',
					`${base('v2')}/broadcasts/${String(broadcast.id)}`,
				);
				return answer.status === 'completed'
					? await huechat<Record<string, number>>(
							'GET',
							`${base('v2')}/broadcasts/${String(broadcast.id)}/stats`,
						)
					: undefined;
			});
			expect(stats).toMatchObject({ recipients: 3, sent: 3, failed: 0 });
		}));

	it('escalation: "a human please" takes the conversation back from the AI agent, assigns the support team and tells the customer', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['escalate-to-human-team.json'].id;
			const conversationId = apiInboxConversation(1);
			// An AI agent answering a conversation of the API inbox (the seeded Aria serves the website and WhatsApp)
			const agent = await huechat<{ id: string }>('POST', `${base('v2')}/ai_agents`, {
				name: 'Concierge',
				instructions: 'Answer questions about orders; hand over when asked for a human.',
				inbox_ids: [1],
			});
			await huechat('POST', `${base('v2')}/ai_agents/${agent.id}/conversations`, {
				conversation_id: conversationId,
			});
			await publish(id, webhookIdOf('escalate-to-human-team.json'));

			// A message without the words: the AI agent keeps the conversation
			let since = lastSeq();
			await customerWrites(conversationId, 'Where is my order?');
			await executionsOf(id, 1);
			await sim.delivery.settled();
			// only the customer's message: nothing was sent to HueChat
			expect(sim.control.requests(since).map((r) => `${r.method} ${r.path}`)).toEqual([
				`POST ${base('v1')}/conversations/${conversationId}/messages`,
			]);

			since = lastSeq();
			await customerWrites(conversationId, 'This is not helping, can I talk to a HUMAN please?');
			const executions = await executionsOf(id, 2);
			expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
			figures.executions += executions.length;
			const requests = sim.control.requests(since).slice(1); // after the customer's message
			expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				`GET ${base('v2')}/ai_agents 200`,
				`DELETE ${base('v2')}/ai_agents/${agent.id}/conversations/${conversationId} 200`,
				`POST ${base('v1')}/conversations/${conversationId}/assignments 200`,
				`POST ${base('v1')}/conversations/${conversationId}/messages 201`,
			]);
			expect(requests[2].body).toEqual({ team_id: 2 });
			expect(requests[3].body).toEqual({
				content: 'Sure, a member of our support team will take over this conversation shortly.',
			});
			const conversation = (
				sim.control.collection('conversations') as Array<{
					display_id: number;
					team_id: number | null;
					account_id: number;
				}>
			).find((c) => c.account_id === sim.accountId && c.display_id === conversationId);
			expect(conversation?.team_id).toBe(2);
			const concierge = (
				sim.control.collection('ai_agents') as Array<{ id: string; conversations: unknown[] }>
			).find((a) => a.id === agent.id);
			expect(concierge?.conversations).toEqual([]);
			await unpublish(id);
		}));

	/** The stored message of a conversation whose content starts with `start` (after message `afterId`). */
	const messageStarting = (conversationId: number, start: string, afterId = 0) =>
		waitFor(`the message '${start}'`, () =>
			(
				sim.control.collection('messages') as Array<{
					id: number;
					conversation_id: number;
					content: string | null;
					private: boolean;
				}>
			).find(
				(m) =>
					m.id > afterId &&
					m.conversation_id === conversationId &&
					String(m.content ?? '').startsWith(start),
			),
		);
	const maxMessageId = () =>
		Math.max(0, ...(sim.control.collection('messages') as Array<{ id: number }>).map((m) => m.id));
	const linkAfter = (content: string | null, label: string) =>
		String(content)
			.split('\n')
			.find((line) => line.startsWith(`${label}: `))!
			.slice(label.length + 2);

	it('confirm with the customer: Yes thanks the customer, No leaves a private note for the team', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['confirm-with-the-customer.json'].id;
			await publish(id);
			const conversationId = apiInboxConversation(2);
			const book = async (when: string) =>
				await waitFor('the booking webhook', async () => {
					const response = await fetch(`${n8n.baseUrl}/webhook/huechat-confirm-booking`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ conversation_id: conversationId, when }),
					});
					return response.status === 200 ? true : undefined;
				});
			for (const [when, label, answer] of [
				['Monday 10:00', 'Yes, confirm', 'Thank you, see you on Monday 10:00!'],
				[
					'Friday 16:30',
					'No, another time',
					'The customer did not confirm the visit on Friday 16:30',
				],
			] as const) {
				const after = maxMessageId();
				await book(when);
				const question = await messageStarting(
					conversationId,
					`Hi! Can you confirm your visit on ${when}?`,
					after,
				);
				expect(question.private).toBe(false);
				expect((await fetch(linkAfter(question.content, label))).status).toBe(200);
				const followUp = await messageStarting(conversationId, answer, question.id);
				expect(followUp.private).toBe(label !== 'Yes, confirm');
			}
			const executions = await executionsOf(id, 2);
			expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
			figures.executions += executions.length;
			await n8n.unpublishWorkflow(id);
		}));

	it('AI draft approved by a human: the draft reaches the team as a private note; approved it is sent, declined it is not', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['ai-draft-approved-by-a-human.json'].id;
			await publish(id, webhookIdOf('ai-draft-approved-by-a-human.json'));
			const conversationId = apiInboxConversation(3);
			const sentDrafts = () =>
				(
					sim.control.collection('messages') as Array<{
						conversation_id: number;
						content: string | null;
						private: boolean;
					}>
				).filter(
					(m) => m.conversation_id === conversationId && m.content === FIXED_DRAFT && !m.private,
				);
			for (const [question, label, runs] of [
				['Do you ship to Norway?', 'Approve', 1],
				['And to Iceland?', 'Decline', 2],
			] as const) {
				const incoming = await customerWrites(conversationId, question);
				const note = await messageStarting(conversationId, 'AI draft of the answer:', incoming.id);
				expect(note.private).toBe(true);
				expect(note.content).toContain(FIXED_DRAFT);
				expect((await fetch(linkAfter(note.content, label))).status).toBe(200);
				const executions = await executionsOf(id, runs);
				expect(executions.map((e) => e.status)).toEqual(Array(runs).fill('success'));
				// approved: the draft went out once; declined: nothing more
				expect(sentDrafts()).toHaveLength(1);
			}
			await sim.delivery.settled();
			await sleep(1_000);
			// the note and the sent draft are HueChat messages too: Only Incoming Messages keeps them from starting runs
			const executions = await executionsOf(id, 2);
			expect(executions).toHaveLength(2);
			figures.executions += executions.length;
			await unpublish(id);
		}));

	it('MCP: a client without the bearer token is refused; a real MCP client with it lists the HueChat tools and calls them; HueChat receives the requests', () =>
		n8n.guard(async () => {
			const id = EXAMPLES['mcp-server-tools.json'].id;
			const contact = await huechat<{ payload: { contact: { id: number } } }>(
				'POST',
				`${base('v1')}/contacts`,
				{
					name: 'Grace Hopper',
					email: 'grace.hopper@example.com',
				},
			);
			const contactId = contact.payload.contact.id;
			const conversation = await huechat<{ id: number }>('POST', `${base('v1')}/conversations`, {
				inbox_id: 1,
				contact_id: contactId,
			});
			await n8n.publishWorkflow(id);

			const url = new URL(`${n8n.baseUrl}/mcp/huechat`);
			const connect = (authorization?: string) =>
				new StreamableHTTPClientTransport(
					url,
					authorization ? { requestInit: { headers: { authorization } } } : undefined,
				);
			const client = await waitFor('the MCP endpoint', async () => {
				const candidate = new Client({ name: 'huechat-e2e', version: '1.0.0' });
				try {
					await candidate.connect(connect(`Bearer ${MCP_TOKEN}`));
					return candidate;
				} catch (error) {
					await candidate.close().catch(() => undefined);
					throw error;
				}
			});
			// the endpoint is up (the client above connected): without the token, or with another, n8n refuses the client
			const before = lastSeq();
			for (const authorization of [undefined, 'Bearer not-the-token']) {
				const intruder = new Client({ name: 'huechat-e2e-intruder', version: '1.0.0' });
				await expect(intruder.connect(connect(authorization))).rejects.toThrow(
					/40[13]|Unauthorized|Forbidden|authoriz/i,
				);
				await intruder.close().catch(() => undefined);
			}
			expect(sim.control.requests(before)).toEqual([]);
			try {
				const { tools } = await client.listTools();
				figures.mcpToolsListed = tools.length;
				expect(tools.map((tool) => tool.name).sort()).toEqual([
					'list_contact_conversations',
					'search_contacts',
					'send_message',
				]);
				const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
				expect(byName.search_contacts.description).toMatch(
					/^Search HueChat contacts by name, email address or phone number/,
				);
				expect(byName.search_contacts.inputSchema).toMatchObject({
					type: 'object',
					properties: { query: { type: 'string' } },
					required: ['query'],
				});
				expect(byName.send_message.inputSchema).toMatchObject({
					properties: { conversation_id: { type: 'number' }, content: { type: 'string' } },
				});

				const text = (result: Awaited<ReturnType<Client['callTool']>>) =>
					(result.content as Array<{ type: string; text?: string }>)
						.map((part) => part.text ?? '')
						.join('');

				let since = lastSeq();
				const found = await client.callTool({
					name: 'search_contacts',
					arguments: { query: 'Hopper' },
				});
				figures.mcpToolCalls += 1;
				expect(found.isError ?? false).toBe(false);
				expect(text(found)).toContain('grace.hopper@example.com');
				const searches = sim.control
					.requests(since)
					.filter((r) => r.path === `${base('v1')}/contacts/search`);
				expect(searches).toHaveLength(1);
				expect(searches[0]).toMatchObject({ method: 'GET', status: 200, query: { q: 'Hopper' } });
				expect(searches[0].headers.api_access_token).toBe(token);

				const conversations = await client.callTool({
					name: 'list_contact_conversations',
					arguments: { contact_id: contactId },
				});
				figures.mcpToolCalls += 1;
				expect(text(conversations)).toContain(`"id":${conversation.id}`);

				since = lastSeq();
				const sent = await client.callTool({
					name: 'send_message',
					arguments: {
						conversation_id: conversation.id,
						content: 'Hello Grace, your order ships today.',
					},
				});
				figures.mcpToolCalls += 1;
				expect(sent.isError ?? false).toBe(false);
				const messagePosts = posts(
					sim.control.requests(since),
					`${base('v1')}/conversations/${conversation.id}/messages`,
				);
				expect(messagePosts.map((r) => [r.body, r.status])).toEqual([
					[{ content: 'Hello Grace, your order ships today.' }, 201],
				]);
				expect(text(sent)).toContain('Hello Grace, your order ships today.');
				expect(text(found) + text(conversations) + text(sent)).not.toContain(token);
			} finally {
				await client.close();
			}
			await n8n.unpublishWorkflow(id);
		}));
});
