/**
 * Message → Send and Wait for Approval in a real n8n 2.41.1 (the packed package) against the simulator: a published
 * workflow (Webhook → HueChat) posts its note or message with n8n's signed resume links, waits, and resumes when a
 * link is followed, or when the wait limit passes.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { N8nInstance, PACKAGE_NAME, sleep, waitFor, type ItemJson } from './harness';
import { hueChatItem, webhookThenHueChat } from './waiting';

const CREDENTIAL = { id: 'huechatSim0002', name: 'HueChat (simulator)' };

interface StoredMessage {
	id: number;
	content: string | null;
	private: boolean;
	message_type: number | string;
	conversation_id: number;
}

type Execution = Awaited<ReturnType<N8nInstance['listExecutions']>>[number];

const waitWorkflow = (id: string, path: string, parameters: Record<string, unknown>) =>
	webhookThenHueChat({ id, name: `HueChat send and wait e2e ${id}`, path }, CREDENTIAL, {
		resource: 'message',
		operation: 'sendAndWait',
		conversationId: { __rl: true, mode: 'id', value: '1' },
		...parameters,
	});

/**
 * A stand-in for OpenAI's chat completions (n8n's OpenAI credential takes a base URL), so the AI Agent runs without an
 * LLM key: the first call answers with a call of the first tool offered, arguments made from its JSON schema; once a
 * tool's result is in the conversation it answers with plain text. Every request body is kept in `requests`.
 */
interface ChatRequest {
	messages: Array<{ role: string; content?: unknown }>;
	tools?: Array<{ function: { name: string; parameters?: JsonSchema } }>;
	stream?: boolean;
}
interface JsonSchema {
	type?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
}

function exampleOf(schema: JsonSchema | undefined): unknown {
	if (schema?.type === 'object' || schema?.properties)
		return Object.fromEntries(
			Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleOf(value)]),
		);
	if (schema?.type === 'number' || schema?.type === 'integer') return 1;
	if (schema?.type === 'boolean') return true;
	return 'x';
}

async function startFakeModel(): Promise<{
	url: string;
	requests: ChatRequest[];
	close(): Promise<void>;
}> {
	const requests: ChatRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ChatRequest;
			requests.push(body);
			const tool = body.tools?.[0]?.function;
			const answered = body.messages.some((message) => message.role === 'tool');
			const message =
				tool && !answered
					? {
							role: 'assistant',
							content: null,
							tool_calls: [
								{
									id: `call_${requests.length}`,
									type: 'function',
									function: {
										name: tool.name,
										arguments: JSON.stringify(exampleOf(tool.parameters)),
									},
								},
							],
						}
					: { role: 'assistant', content: 'AGENT-DONE' };
			const finish = 'tool_calls' in message ? 'tool_calls' : 'stop';
			const created = Math.floor(Date.now() / 1000);
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				const delta =
					'tool_calls' in message
						? {
								role: 'assistant',
								tool_calls: (message.tool_calls ?? []).map((call, index) => ({ index, ...call })),
							}
						: message;
				for (const choice of [
					{ index: 0, delta, finish_reason: null },
					{ index: 0, delta: {}, finish_reason: finish },
				])
					res.write(
						`data: ${JSON.stringify({ id: 'fake', object: 'chat.completion.chunk', created, model: 'fake', choices: [choice] })}\n\n`,
					);
				res.end('data: [DONE]\n\n');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					id: 'fake',
					object: 'chat.completion',
					created,
					model: 'fake',
					choices: [{ index: 0, message, finish_reason: finish }],
					usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
				}),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Webhook → AI Agent, whose only tool is HueChat's message create gated by HueChat's human-review tool. */
function agentWorkflow(id: string, path: string, modelCredential: { id: string; name: string }) {
	const node = (
		name: string,
		type: string,
		typeVersion: number,
		parameters: object,
		extra = {},
	) => ({
		id: randomUUID(),
		name,
		type,
		typeVersion,
		position: [0, 0],
		parameters,
		...extra,
	});
	const hueChat = { credentials: { hueChatApi: CREDENTIAL } };
	return {
		id,
		name: `HueChat human review e2e ${id}`,
		active: false,
		nodes: [
			node(
				'Webhook',
				'n8n-nodes-base.webhook',
				2,
				{ path, httpMethod: 'GET', responseMode: 'onReceived', options: {} },
				{ webhookId: randomUUID() },
			),
			node('AI Agent', '@n8n/n8n-nodes-langchain.agent', 3, {
				promptType: 'define',
				text: 'The customer of conversation 1 asked for a refund of order 1042. Tell them it is on its way.',
				options: {},
			}),
			node(
				'Model',
				'@n8n/n8n-nodes-langchain.lmChatOpenAi',
				1.2,
				{ model: { __rl: true, mode: 'id', value: 'gpt-4.1-mini' }, options: {} },
				{ credentials: { openAiApi: modelCredential } },
			),
			node(
				'Ask a teammate',
				`${PACKAGE_NAME}.hueChatHitlTool`,
				1,
				{
					resource: 'message',
					operation: 'sendAndWait',
					conversationId: { __rl: true, mode: 'id', value: '1' },
					sendAs: 'privateNote',
					message: '=AGENT-REVIEW: the agent wants to run {{ $tool.name }}',
					responseType: 'approval',
				},
				{ ...hueChat, webhookId: randomUUID() },
			),
			node(
				'Tell the customer',
				`${PACKAGE_NAME}.hueChatTool`,
				1,
				{
					resource: 'message',
					operation: 'create',
					conversationId: { __rl: true, mode: 'id', value: '1' },
					messageContent: 'REFUND-SENT: your refund for order 1042 is on its way.',
					messageFields: {},
				},
				hueChat,
			),
		],
		connections: {
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			Model: { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			'Ask a teammate': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
			'Tell the customer': { ai_tool: [[{ node: 'Ask a teammate', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

describe('Message → Send and Wait for Approval in real n8n', () => {
	let sim: Simulator;
	let n8n: N8nInstance;
	let token: string;
	const flows = {
		approve: { id: 'hcE2eWaitApprove', path: `approve-${randomUUID()}` },
		decline: { id: 'hcE2eWaitDecline', path: `decline-${randomUUID()}` },
		timeout: { id: 'hcE2eWaitTimeout', path: `timeout-${randomUUID()}` },
		freeText: { id: 'hcE2eWaitFreeText', path: `freetext-${randomUUID()}` },
		agent: { id: 'hcE2eWaitAgent', path: `agent-${randomUUID()}` },
		cancel: { id: 'hcE2eWaitCancel', path: `cancel-${randomUUID()}` },
		form: { id: 'hcE2eWaitForm', path: `form-${randomUUID()}` },
	};
	const MODEL_CREDENTIAL = { id: 'fakeOpenAi000001', name: 'Stand-in model' };
	let model: Awaited<ReturnType<typeof startFakeModel>>;

	beforeAll(async () => {
		sim = await startSimulator({ port: 0, contacts: 5 });
		token = sim.control.createKey({ scopes: ['*'] }).token;
		model = await startFakeModel();
		n8n = await N8nInstance.create({ name: 'sendandwait' });
		await n8n.guard(async () => {
			await n8n.importCredentials([
				{
					...CREDENTIAL,
					type: 'hueChatApi',
					data: { apiToken: token, accountId: sim.accountId, baseUrl: sim.url },
				},
				{
					...MODEL_CREDENTIAL,
					type: 'openAiApi',
					data: { apiKey: 'sk-not-a-real-key', url: model.url },
				},
			]);
			await n8n.importWorkflows([
				waitWorkflow(flows.approve.id, flows.approve.path, {
					sendAs: 'privateNote',
					message: 'APPROVE-ME: may the refund of 40 EUR go out?',
				}),
				waitWorkflow(flows.decline.id, flows.decline.path, {
					sendAs: 'message',
					message: 'DECLINE-ME: shall we book the visit for Monday?',
					approvalOptions: { approveLabel: 'Yes', declineLabel: 'No' },
				}),
				waitWorkflow(flows.timeout.id, flows.timeout.path, {
					sendAs: 'privateNote',
					message: 'TIME-ME-OUT: nobody answers this one',
					messageSendAndWaitOptions: {
						limitWaitTime: {
							values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'seconds' },
						},
					},
				}),
				waitWorkflow(flows.freeText.id, flows.freeText.path, {
					sendAs: 'privateNote',
					message: 'TELL-ME: what should we write to the customer?',
					responseType: 'freeText',
				}),
				agentWorkflow(flows.agent.id, flows.agent.path, MODEL_CREDENTIAL),
				waitWorkflow(flows.form.id, flows.form.path, {
					sendAs: 'privateNote',
					message: 'FORM-ME: what do we offer the customer?',
					responseType: 'customForm',
					formFields: {
						values: [
							{
								fieldLabel: 'Offer',
								fieldType: 'dropdown',
								fieldOptions: 'Refund, Voucher',
								requiredField: true,
							},
							{ fieldLabel: 'Amount (EUR)', fieldType: 'number' },
						],
					},
				}),
				waitWorkflow(flows.cancel.id, flows.cancel.path, {
					sendAs: 'privateNote',
					message: 'CANCEL-ME: this wait is stopped in n8n',
				}),
			]);
			await n8n.start();
			for (const flow of Object.values(flows)) await n8n.publishWorkflow(flow.id);
		});
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
		await model?.close();
	});

	const messages = () => sim.control.collection('messages') as StoredMessage[];

	/** Calls the workflow's Webhook until it is registered (publication is asynchronous), then finds the message. */
	async function start(flow: { path: string }, marker: string): Promise<StoredMessage> {
		await waitFor(`the webhook ${flow.path}`, async () => {
			const response = await fetch(`${n8n.baseUrl}/webhook/${flow.path}`);
			return response.status === 200 ? true : undefined;
		});
		return await waitFor(`the message ${marker}`, () =>
			messages().find((message) => String(message.content ?? '').startsWith(marker)),
		);
	}

	const executionsOf = async (workflowId: string) =>
		await n8n.listExecutions({ workflowId, includeData: true, limit: 10 });

	async function finished(workflowId: string): Promise<Execution> {
		return await waitFor(
			`the execution of ${workflowId} to finish`,
			async () => {
				const [execution] = await executionsOf(workflowId);
				return execution && execution.status !== 'waiting' && execution.status !== 'running'
					? execution
					: undefined;
			},
			{ timeoutMs: 150_000 },
		);
	}

	const hueChatOutput = (execution: Execution): ItemJson => hueChatItem(execution).json;

	const linkAfter = (content: string, label: string) => {
		const line = content.split('\n').find((l) => l.startsWith(`${label}: `));
		if (!line) throw new Error(`no '${label}' link in ${content}`);
		return line.slice(label.length + 2).trim();
	};

	it('n8n generates its human-review tool for AI agents from the sendAndWait operation (issue 15 item 3, listing only)', () =>
		n8n.guard(async () => {
			expect(await n8n.serverNodeTypes()).toContain(`${PACKAGE_NAME}.hueChatHitlTool`);
		}));

	it("n8n's AI Agent gets HueChat's human-review tool: the tool call waits for a teammate's Approve in HueChat, then runs", () =>
		n8n.guard(async () => {
			const note = await start(flows.agent, 'AGENT-REVIEW');
			expect(note).toMatchObject({ private: true, conversation_id: 1 });
			// the model was offered the gated tool, and nothing reached the customer yet
			expect(model.requests[0].tools?.map((tool) => tool.function.name)).toHaveLength(1);
			const sent = () => messages().filter((m) => String(m.content).startsWith('REFUND-SENT'));
			await waitFor('the waiting execution', async () =>
				(await executionsOf(flows.agent.id))[0]?.status === 'waiting' ? true : undefined,
			);
			expect(sent()).toEqual([]);
			expect((await fetch(linkAfter(String(note.content), 'Approve'))).status).toBe(200);
			const execution = await finished(flows.agent.id);
			expect(execution.status).toBe('success');
			expect(sent()).toHaveLength(1);
			expect(sent()[0]).toMatchObject({ private: false, conversation_id: 1 });
			// the tool's result went back to the model, which then answered
			expect(model.requests.at(-1)!.messages.some((m) => m.role === 'tool')).toBe(true);
		}));

	it('posts a private note with the approval links; following Approve resumes with approved: true', () =>
		n8n.guard(async () => {
			const note = await start(flows.approve, 'APPROVE-ME');
			expect(note).toMatchObject({ private: true, conversation_id: 1 });
			const approve = linkAfter(String(note.content), 'Approve');
			const decline = linkAfter(String(note.content), 'Decline');
			expect(approve).toContain('/webhook-waiting/');
			expect(approve).toContain('approved=true');
			expect(decline).toContain('approved=false');
			const [waiting] = await waitFor('the waiting execution', async () => {
				const list = await executionsOf(flows.approve.id);
				return list[0]?.status === 'waiting' ? list : undefined;
			});
			expect(waiting.status).toBe('waiting');

			// a link whose signature does not match is refused and the execution keeps waiting
			const forged = approve.replace(/signature=[^&]+/, 'signature=0000');
			expect((await fetch(forged)).status).toBeGreaterThanOrEqual(400);
			await sleep(1000);
			expect((await executionsOf(flows.approve.id))[0].status).toBe('waiting');

			const answer = await fetch(approve);
			expect(answer.status).toBe(200);
			expect(await answer.text()).toContain('Your answer was recorded');
			const execution = await finished(flows.approve.id);
			expect(execution.status).toBe('success');
			expect(hueChatOutput(execution)).toMatchObject({ data: { approved: true } });
			expect(JSON.stringify(execution)).not.toContain(token);
		}));

	it('sends a message to the contact with its own labels; following No resumes with approved: false', () =>
		n8n.guard(async () => {
			const message = await start(flows.decline, 'DECLINE-ME');
			expect(message).toMatchObject({ private: false, conversation_id: 1 });
			const decline = linkAfter(String(message.content), 'No');
			expect(linkAfter(String(message.content), 'Yes')).toContain('approved=true');
			await waitFor('the waiting execution', async () =>
				(await executionsOf(flows.decline.id))[0]?.status === 'waiting' ? true : undefined,
			);
			expect((await fetch(decline)).status).toBe(200);
			const execution = await finished(flows.decline.id);
			expect(execution.status).toBe('success');
			expect(hueChatOutput(execution)).toMatchObject({ data: { approved: false } });
		}));

	it('free text: the link opens an answer page, and its form resumes with data.text', () =>
		n8n.guard(async () => {
			const note = await start(flows.freeText, 'TELL-ME');
			const link = linkAfter(String(note.content), 'Answer');
			await waitFor('the waiting execution', async () =>
				(await executionsOf(flows.freeText.id))[0]?.status === 'waiting' ? true : undefined,
			);
			const form = await fetch(link);
			expect(form.status).toBe(200);
			expect(await form.text()).toContain('<form method="post">');
			expect((await executionsOf(flows.freeText.id))[0].status).toBe('waiting');
			const answer = await fetch(link, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ text: 'Offer a 10 % voucher' }).toString(),
			});
			expect(answer.status).toBe(200);
			const execution = await finished(flows.freeText.id);
			expect(hueChatOutput(execution)).toMatchObject({ data: { text: 'Offer a 10 % voucher' } });
		}));

	it('custom form: the link opens the form; a wrong answer shows it again and keeps waiting; the answer resumes keyed by label', () =>
		n8n.guard(async () => {
			const note = await start(flows.form, 'FORM-ME');
			const link = linkAfter(String(note.content), 'Answer');
			await waitFor('the waiting execution', async () =>
				(await executionsOf(flows.form.id))[0]?.status === 'waiting' ? true : undefined,
			);
			const form = await (await fetch(link)).text();
			expect(form).toContain('enctype="multipart/form-data"');
			expect(form).toContain('<select id="field_0" name="field_0" required>');
			expect(form).toContain('type="number"');
			// as a browser sends the form (multipart/form-data, which n8n requires for send-and-wait forms)
			const send = (fields: Record<string, string>) => {
				const body = new FormData();
				for (const [name, value] of Object.entries(fields)) body.append(name, value);
				return fetch(link, { method: 'POST', body });
			};
			const wrong = await send({ field_0: 'Voucher', field_1: 'ten' });
			expect(wrong.status).toBe(400);
			expect(await wrong.text()).toContain('&#39;Amount (EUR)&#39; must be a number');
			await sleep(1000);
			expect((await executionsOf(flows.form.id))[0].status).toBe('waiting');
			expect((await send({ field_0: 'Voucher', field_1: '25' })).status).toBe(200);
			const execution = await finished(flows.form.id);
			expect(hueChatOutput(execution)).toMatchObject({
				data: { Offer: 'Voucher', 'Amount (EUR)': 25 },
			});
		}));

	it('a waiting execution stopped in n8n: its Approve link is refused and nothing runs after it', () =>
		n8n.guard(async () => {
			const note = await start(flows.cancel, 'CANCEL-ME');
			const [waiting] = await waitFor('the waiting execution', async () => {
				const list = await executionsOf(flows.cancel.id);
				return list[0]?.status === 'waiting' ? list : undefined;
			});
			await n8n.rest('POST', `/rest/executions/${waiting.id}/stop`, {});
			await waitFor('the execution to be stopped', async () =>
				(await executionsOf(flows.cancel.id))[0]?.status === 'canceled' ? true : undefined,
			);
			const requestsBefore = sim.control.requests().length;
			expect(
				(await fetch(linkAfter(String(note.content), 'Approve'))).status,
			).toBeGreaterThanOrEqual(400);
			await sleep(1000);
			const [after] = await executionsOf(flows.cancel.id);
			expect(after.status).toBe('canceled');
			expect(hueChatOutput(after).data).toBeUndefined();
			expect(sim.control.requests().length).toBe(requestsBefore);
		}));

	it('the wait limit ends the wait: the execution continues with an empty answer that says it timed out', () =>
		n8n.guard(async () => {
			const note = await start(flows.timeout, 'TIME-ME-OUT');
			expect(note.private).toBe(true);
			const execution = await finished(flows.timeout.id);
			expect(execution.status).toBe('success');
			expect(hueChatOutput(execution)).toEqual({ data: {}, timed_out: true });
		}));
});
