/**
 * The spine: the packed package inside a real n8n 2.41.1 (CLI import + execute, REST, public API) against the
 * HueChat simulator running in this process. Proves the node loads under its real type name, that the example
 * workflow users import works end to end, what HueChat receives, and that the API token never leaks into output.
 */
import * as path from 'node:path';

import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { N8nInstance, outputOf, REPO_ROOT, waitFor, type ItemJson } from './harness';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'contacts-and-conversations.json');
const EXAMPLE_ID = 'hcExampleContacts01';
const WEBHOOK_FIXTURE = path.join(__dirname, 'fixtures', 'webhook-create-contact.json');
const WEBHOOK_ID = 'hcE2eWebhookContact';
const CONVERSATIONS_PER_PAGE = 25;
const HTTP_REQUEST_ID = 'hcE2eHttpPredefined';

interface StoredConversation {
	account_id: number;
	display_id: number;
	contact_id: number;
	inbox_id: number;
}

describe('spine: HueChat nodes in real n8n against the simulator', () => {
	let sim: Simulator;
	let n8n: N8nInstance;
	let token: string;

	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		token = sim.control.createKey({ scopes: ['*'] }).token;
		n8n = await N8nInstance.create({ name: 'spine' });
		await n8n.guard(async () => {
			await n8n.importCredentials([
				{
					id: 'huechatSim0001',
					name: 'HueChat (simulator)',
					type: 'hueChatApi',
					data: { apiToken: token, accountId: sim.accountId, baseUrl: sim.url },
				},
			]);
			await n8n.importWorkflows([EXAMPLE, WEBHOOK_FIXTURE, httpRequestWorkflow(sim)]);
			await n8n.start();
			process.stdout.write(
				`[e2e] n8n ready in ${(n8n.startupMs / 1000).toFixed(1)} s on ${n8n.baseUrl}\n`,
			);
		});
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	const lastSeq = () => sim.control.requests().at(-1)?.seq ?? 0;

	it('loads the package under its community type names', () =>
		n8n.guard(async () => {
			await n8n.assertPackageLoaded();
		}));

	it("passes n8n's credential test (the editor's Test button)", () =>
		n8n.guard(async () => {
			const since = lastSeq();
			const result = await n8n.rest<{ status: string; message: string }>(
				'POST',
				'/rest/credentials/test',
				{
					credentials: {
						id: 'huechatSim0001',
						name: 'HueChat (simulator)',
						type: 'hueChatApi',
						data: { apiToken: token, accountId: sim.accountId, baseUrl: `${sim.url}/api/v1/` },
					},
				},
			);
			expect(result).toMatchObject({ status: 'OK' });
			const probes = sim.control.requests(since);
			expect(probes.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'GET /api/v1/profile 200',
			]);
			expect(probes[0].headers.api_access_token).toBe(token);
		}));

	it("lends its key to n8n's HTTP Request node (Authentication: Predefined Credential Type)", () =>
		n8n.guard(async () => {
			const since = lastSeq();
			const result = await n8n.executeWorkflow(HTTP_REQUEST_ID);
			expect(result.run?.data.resultData.error?.message).toBeUndefined();
			const [answer] = outputOf(result.run!, 'HTTP Request');
			expect((answer as { payload?: unknown[] }).payload?.length).toBeGreaterThan(0);
			const [request] = sim.control.requests(since);
			expect(`${request.method} ${request.path} ${request.status}`).toBe(
				`GET /api/v1/accounts/${sim.accountId}/contacts 200`,
			);
			expect(request.headers.api_access_token).toBe(token);
		}));

	it('runs examples/contacts-and-conversations.json: contact → conversation → message → all conversations', () =>
		n8n.guard(async () => {
			const since = lastSeq();
			const result = await n8n.executeWorkflow(EXAMPLE_ID);
			const error = result.run?.data.resultData.error;
			expect({ code: result.code, error: error?.message, description: error?.description }).toEqual(
				{
					code: 0,
					error: undefined,
					description: undefined,
				},
			);
			const run = result.run!;
			process.stdout.write(`[e2e] n8n execute took ${(result.durationMs / 1000).toFixed(1)} s\n`);

			// What n8n output
			const [contact] = outputOf(run, 'Create a contact');
			expect(contact).toMatchObject({
				id: expect.any(Number),
				name: 'Ada Lovelace',
				email: expect.stringMatching(/^ada\+\d+@example\.com$/),
			});
			const [conversation] = outputOf(run, 'Start a conversation');
			expect(conversation).toMatchObject({ id: expect.any(Number), inbox_id: 1 });
			const [message] = outputOf(run, 'Send a message');
			expect(message).toMatchObject({
				id: expect.any(Number),
				content: 'Hi Ada Lovelace, thanks for reaching out! How can we help?',
			});
			const listed = outputOf(run, 'List conversations');

			// What HueChat received
			const requests = sim.control.requests(since);
			const base = `/api/v1/accounts/${sim.accountId}`;
			expect(requests.length).toBeGreaterThanOrEqual(6);
			for (const request of requests) {
				const seen = {
					request: `${request.method} ${request.path}`,
					token: request.headers.api_access_token,
					ok: (request.status ?? 0) < 300,
				};
				expect(seen).toEqual({ request: seen.request, token, ok: true });
			}

			const contactPosts = requests.filter(
				(r) => r.method === 'POST' && r.path === `${base}/contacts`,
			);
			expect(contactPosts).toHaveLength(1);
			expect(contactPosts[0].body).toEqual({
				name: 'Ada Lovelace',
				email: contact.email,
				additional_attributes: { company_name: 'Analytical Engines Ltd' },
			});
			expect(contactPosts[0].headers['idempotency-key']).toEqual(
				expect.stringMatching(/^n8n-[0-9a-f]{48}$/),
			);

			const conversationPosts = requests.filter(
				(r) => r.method === 'POST' && r.path === `${base}/conversations`,
			);
			expect(conversationPosts).toHaveLength(1);
			expect(conversationPosts[0].body).toEqual({ inbox_id: 1, contact_id: contact.id });

			const messagePosts = requests.filter(
				(r) =>
					r.method === 'POST' && r.path === `${base}/conversations/${conversation.id}/messages`,
			);
			expect(messagePosts).toHaveLength(1);
			expect(messagePosts[0].body).toMatchObject({
				content: 'Hi Ada Lovelace, thanks for reaching out! How can we help?',
			});

			// Get Many with Return All follows every page of the status=all list
			const pages = requests.filter(
				(r) => r.method === 'GET' && r.path === `${base}/conversations`,
			);
			const stored = (sim.control.collection('conversations') as StoredConversation[]).filter(
				(c) => c.account_id === sim.accountId,
			);
			expect(stored.length).toBeGreaterThan(2 * CONVERSATIONS_PER_PAGE);
			expect(pages.length).toBeGreaterThanOrEqual(
				Math.ceil(stored.length / CONVERSATIONS_PER_PAGE),
			);
			expect(pages.map((r) => r.query.page)).toEqual(pages.map((_, index) => String(index + 1)));
			expect(pages.every((r) => r.query.status === 'all')).toBe(true);
			const listedIds = listed.map((item: ItemJson) => item.id);
			expect(new Set(listedIds).size).toBe(listed.length);
			expect(listed).toHaveLength(stored.length);
			expect(listedIds).toContain(conversation.id);

			// ... and what it stored
			const created = stored.find((c) => c.display_id === conversation.id);
			expect(created).toMatchObject({ inbox_id: 1, contact_id: contact.id });

			// The token is in the credential only: never in the execution data or anything n8n printed
			expect(JSON.stringify(run)).not.toContain(token);
			expect(result.stdout).not.toContain(token);
			expect(result.stderr).not.toContain(token);
		}));

	it('shows the CLI run in the public API executions', () =>
		n8n.guard(async () => {
			const executions = await n8n.listExecutions({ workflowId: EXAMPLE_ID, includeData: true });
			expect(executions.length).toBeGreaterThanOrEqual(1);
			expect(executions[0]).toMatchObject({
				workflowId: EXAMPLE_ID,
				status: 'success',
				mode: 'cli',
			});
			expect(JSON.stringify(executions)).not.toContain(token);
		}));

	it('runs in a published webhook workflow, and stops answering once unpublished', () =>
		n8n.guard(async () => {
			const since = lastSeq();
			await n8n.publishWorkflow(WEBHOOK_ID);
			const url = `${n8n.baseUrl}/webhook/huechat-e2e-contact`;
			const call = () =>
				fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ name: 'Grace Hopper', email: 'grace@example.com' }),
				});
			// publication is asynchronous in n8n 2.x: 404 until the webhook is registered
			const response = await waitFor('the published webhook', async () => {
				const answer = await call();
				return answer.status === 404 ? undefined : answer;
			});
			expect(response.status).toBe(200);
			expect(await response.json()).toMatchObject({
				id: expect.any(Number),
				name: 'Grace Hopper',
				email: 'grace@example.com',
			});
			const posts = sim.control
				.requests(since)
				.filter((r) => r.method === 'POST' && r.path.endsWith('/contacts'));
			expect(posts).toHaveLength(1);
			expect(posts[0].body).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' });

			const executions = await waitFor('the webhook execution', async () => {
				const list = await n8n.listExecutions({ workflowId: WEBHOOK_ID });
				return list.length ? list : undefined;
			});
			expect(executions[0]).toMatchObject({ status: 'success', mode: 'webhook' });

			await n8n.unpublishWorkflow(WEBHOOK_ID);
			await waitFor('the webhook to be removed', async () => (await call()).status === 404);
		}));
});

/** Manual Trigger → n8n's HTTP Request node reading contacts with the HueChat credential (predefined type). */
function httpRequestWorkflow(sim: Simulator) {
	return {
		id: HTTP_REQUEST_ID,
		name: 'e2e: HTTP Request with the HueChat credential',
		active: false,
		nodes: [
			{
				id: 'd3c0a0e1-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'd3c0a0e1-0000-4000-8000-000000000002',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					url: `${sim.url}/api/v1/accounts/${sim.accountId}/contacts`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'hueChatApi',
					options: {},
				},
				credentials: { hueChatApi: { id: 'huechatSim0001', name: 'HueChat (simulator)' } },
			},
		],
		connections: { Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}
