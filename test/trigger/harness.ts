/**
 * The HueChat Trigger inside n8n-core's real contexts, with nothing of the trigger faked:
 * - lifecycle: n8n-core's HookContext runs webhookMethods.default (checkExists, then create when it answers false,
 *   as n8n's WebhookService.createWebhookIfNotExists does; delete on deactivation), against the simulator over HTTP;
 * - deliveries: a real HTTP server on 127.0.0.1 stands where n8n's webhook endpoint stands. For each request it reads
 *   the raw body as n8n's rawBodyReader does (req.rawBody), builds n8n-core's WebhookContext around the real request
 *   and response, calls the node's webhook(), and then does what n8n's webhook helper does with the result: nothing
 *   more than an execution when the node answered itself (noWebhookResponse) and returned workflowData, an
 *   execution and an immediate empty 200 when it returned workflowData alone (responseMode onReceived, noData).
 * Static data lives on the Workflow object across calls, as n8n saves it after every call.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, sleep, Workflow } from 'n8n-workflow';

import { HueChatTrigger } from '../../nodes/HueChatTrigger/HueChatTrigger.node';
import type { holdLimits as defaultHoldLimits } from '../../nodes/HueChatTrigger/recording';
import type { HueChatCredentials } from '../helpers/routing';
import { TestCredentialsHelper } from '../helpers/routing';

type HoldLimits = typeof defaultHoldLimits;

export const TRIGGER_TYPE = 'n8n-nodes-huechat.hueChatTrigger';

let trigger = new HueChatTrigger();

/** An n8n restart: the node's module loaded afresh, so nothing it kept in memory survives; static data does. */
export async function restartN8n(holdLimits: Partial<HoldLimits> = {}): Promise<void> {
	await jest.isolateModulesAsync(async () => {
		const fresh = await import('../../nodes/HueChatTrigger/HueChatTrigger.node');
		// the fresh process's own module: the limits its trigger holds answers by (a minute is long for a unit test)
		Object.assign((await import('../../nodes/HueChatTrigger/recording')).holdLimits, holdLimits);
		trigger = new fresh.HueChatTrigger();
	});
}
const nodeTypes: INodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: () => trigger as INodeType,
	getKnownTypes: () => ({}),
};

export interface Execution {
	/** The items the trigger emitted (what the workflow would start with). */
	items: INodeExecutionData[];
	mode: 'production' | 'test';
}

let workflowCounter = 0;

/** One workflow holding one HueChat Trigger, its webhook endpoint, and the executions it started. */
export class TriggerWorkflow {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly executions: Execution[] = [];
	/** Every answer the endpoint gave, in order. */
	readonly answers: Array<{ status: number; body: string; mode: 'production' | 'test' }> = [];
	private server?: http.Server;
	private port = 0;
	/** Requests still to be answered 503 before reaching the node (n8n briefly unavailable). */
	private unavailable = 0;
	/** Accepted deliveries whose execution n8n still fails to record (its database locked): answered 500. */
	private unrecordable = 0;

	constructor(
		private readonly credentials: HueChatCredentials,
		parameters: INodeParameters,
		options: { webhookId?: string; staticData?: IDataObject; workflowId?: string } = {},
	) {
		const node: INode = {
			id: `node-${++workflowCounter}`,
			name: 'HueChat Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId:
				options.webhookId ?? `0f0e0d0c-0000-4000-8000-${String(workflowCounter).padStart(12, '0')}`,
			parameters,
			credentials: { hueChatApi: { id: 'cred-1', name: 'HueChat (test)' } },
		};
		this.workflow = new Workflow({
			id: options.workflowId ?? `wfTrigger${workflowCounter}`,
			name: `Trigger test ${workflowCounter}`,
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes,
			staticData: options.staticData
				? (JSON.parse(JSON.stringify(options.staticData)) as IDataObject)
				: undefined,
		});
		this.node = this.workflow.getNode(node.name)!;
		this.node.parameters =
			NodeHelpers.getNodeParameters(
				trigger.description.properties,
				this.node.parameters,
				true,
				false,
				this.node,
				trigger.description,
			) ?? {};
	}

	/** Changes the node's parameters (the user edits the trigger). */
	setParameters(parameters: INodeParameters): void {
		this.node.parameters =
			NodeHelpers.getNodeParameters(
				trigger.description.properties,
				parameters,
				true,
				false,
				this.node,
				trigger.description,
			) ?? {};
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		const base = `http://127.0.0.1:${this.port}`;
		return {
			credentialsHelper: new TestCredentialsHelper(this.credentials),
			executionId: undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: `${base}/`,
			formBaseUrl: `${base}/form`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			formTestBaseUrl: `${base}/form-test`,
			webhookBaseUrl: `${base}/webhook`,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			mcpBaseUrl: `${base}/mcp`,
			mcpTestBaseUrl: `${base}/mcp-test`,
			variables: {},
			userId: 'test-user',
			workflowId: this.workflow.id,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private webhookData(isTest: boolean): IWebhookData {
		const description = trigger.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/${description.path}`,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: this.node.webhookId,
			isTest,
		} as IWebhookData;
	}

	/** Starts the endpoint (n8n's webhook listener for this workflow). */
	async listen(): Promise<void> {
		if (this.server) return;
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) res.writeHead(500).end(String(error));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server!.close(resolve));
		this.server = undefined;
	}

	/** The next `count` requests are answered 503 without reaching the node. */
	failNext(count: number): void {
		this.unavailable = count;
	}

	/** The next `count` requests reach the node, but its answer is lost: the connection is cut instead. */
	loseNextAnswers(count: number): void {
		this.losing = count;
	}

	private losing = 0;

	/** The next `count` executions the node asks for cannot be recorded: n8n answers 500 and saves nothing. */
	failRecording(count: number): void {
		this.unrecordable = count;
	}

	/** n8n takes `ms` to record each execution (its database slow or locked): the most recorded at once is kept. */
	slowRecording(ms: number): void {
		this.recordingMs = ms;
		this.mostRecordingAtOnce = 0;
	}

	private recordingMs = 0;
	private recordingNow = 0;
	mostRecordingAtOnce = 0;

	/**
	 * n8n's regular mode (the default here): each recorded execution then runs in this process, n8n-core's engine
	 * reaching the trigger node (its execute()) `ms` after n8n answered. null: none starts (or one on a worker that
	 * never says so). What the
	 * trigger passes on to the rest of the workflow here is in `runs`.
	 */
	startExecutionsAfter(ms: number | null): void {
		this.startAfterMs = ms;
		this.worker = undefined;
	}

	/**
	 * n8n's queue mode with a worker: each recorded execution runs `ms` after n8n answered in another process (the
	 * node's module loaded afresh there), over what n8n recorded with it (the item and the static data as JSON), its
	 * trigger telling this endpoint of the start over HTTP (what it passed on is in `runs`).
	 */
	async startExecutionsOnWorkerAfter(ms: number): Promise<void> {
		await jest.isolateModulesAsync(async () => {
			const fresh = await import('../../nodes/HueChatTrigger/HueChatTrigger.node');
			this.worker = new fresh.HueChatTrigger();
		});
		this.startAfterMs = ms;
	}

	private worker?: INodeType;

	private startAfterMs: number | null = 0;
	/** The event ids the trigger passed on when its execution ran in this process. */
	readonly runs: string[] = [];
	/** The items it passed on, as the next node gets them. */
	readonly passed: INodeExecutionData[] = [];

	private async startExecution(
		recorded: Workflow,
		recordedItems: INodeExecutionData[],
	): Promise<void> {
		let workflow = recorded;
		let items = recordedItems;
		if (this.worker) {
			const worker = this.worker;
			workflow = new Workflow({
				id: recorded.id,
				name: recorded.name,
				nodes: [this.node],
				connections: {},
				active: false,
				nodeTypes: { ...nodeTypes, getByNameAndVersion: () => worker },
				staticData: JSON.parse(JSON.stringify(recorded.staticData)) as IDataObject,
			});
			items = JSON.parse(JSON.stringify(recordedItems)) as INodeExecutionData[];
		}
		const node = workflow.getNode(this.node.name)!;
		const executeData = { node, data: { main: [items] }, source: null };
		const runExecutionData = createRunExecutionData({
			resultData: { runData: {} },
			executionData: { nodeExecutionStack: [executeData] },
		} as never);
		const additionalData = this.additionalData();
		const result = await new WorkflowExecute(additionalData, 'webhook').runNode(
			workflow,
			executeData,
			runExecutionData,
			0,
			additionalData,
			'webhook',
		);
		const output = 'data' in result ? result.data : undefined;
		for (const item of output?.[0] ?? []) {
			this.runs.push(String(item.json.id));
			this.passed.push(item);
		}
	}

	/**
	 * What n8n does per webhook call: a Workflow over a copy of the saved static data; after the call the copy is saved
	 * (JSON, as n8n's database column does) when the node changed it, and not when the execution failed to record.
	 */
	private loadWorkflow(): Workflow {
		return new Workflow({
			id: this.workflow.id,
			name: this.workflow.name,
			nodes: [this.node],
			connections: {},
			active: false,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject,
		});
	}

	private save(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged === true)
			this.workflow.overrideStaticData(
				JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
			);
	}

	url(mode: 'production' | 'test' = 'production'): string {
		return `http://127.0.0.1:${this.port}/${mode === 'test' ? 'webhook-test' : 'webhook'}/${this.node.webhookId}/webhook`;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		if (this.losing > 0) {
			this.losing -= 1;
			const cut = () => {
				res.destroy();
				return res;
			};
			Object.assign(res, { writeHead: cut, end: cut });
		}
		if (this.unavailable > 0) {
			this.unavailable -= 1;
			req.resume();
			res.writeHead(503).end('n8n is starting up');
			return;
		}
		const isTest = (req.url ?? '').startsWith('/webhook-test/');
		const mode: 'production' | 'test' = isTest ? 'test' : 'production';
		const expected = new URL(this.url(mode)).pathname;
		if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== expected) {
			req.resume();
			res.writeHead(404).end('webhook not registered');
			return;
		}
		// n8n reads and parses the body (keeping rawBody) only for the content types it parses; for any other (or none)
		// it leaves the request unread for the node
		const contentType = String(req.headers['content-type'] ?? '');
		let parsed: { rawBody?: Buffer; body: unknown } = { body: {} };
		if (
			/^(application\/json|text\/plain|application\/x-www-form-urlencoded)|[/+]xml(;|$)/.test(
				contentType,
			)
		) {
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			const rawBody = Buffer.concat(chunks);
			try {
				parsed = { rawBody, body: JSON.parse(rawBody.toString('utf8')) };
			} catch {
				// n8n answers unparsable JSON before the node runs; the node never sees it
				res.writeHead(422).end('Failed to parse request body');
				this.answers.push({ status: 422, body: '', mode });
				return;
			}
		}
		const request = Object.assign(req, { ...parsed, params: {}, query: {} });
		const additionalData = {
			...this.additionalData(),
			httpRequest: request,
			httpResponse: res,
		} as unknown as IWorkflowExecuteAdditionalData;
		const executionMode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		const workflow = this.loadWorkflow();
		const node = workflow.getNode(this.node.name)!;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			executionMode,
			this.webhookData(isTest),
			[],
			null,
		);
		const result = await trigger.webhook.call(context);
		let recorded: { status: number; body: string };
		if (result.noWebhookResponse) {
			// n8n saves static data as the node answered, then still runs the workflow if it returned workflowData
			this.save(workflow);
			if (result.workflowData) this.executions.push({ items: result.workflowData[0], mode });
			if (!res.writableEnded) res.writeHead(500).end('node answered nothing');
			recorded = { status: res.statusCode, body: '' };
		} else if (result.workflowData && this.unrecordable > 0) {
			this.unrecordable -= 1;
			res.writeHead(500).end('There was a problem executing the workflow');
			recorded = { status: 500, body: '' };
		} else if (result.workflowData) {
			// n8n 2.x: records the execution, saves static data, then answers
			this.recordingNow += 1;
			this.mostRecordingAtOnce = Math.max(this.mostRecordingAtOnce, this.recordingNow);
			if (this.recordingMs > 0) await new Promise((done) => setTimeout(done, this.recordingMs));
			this.recordingNow -= 1;
			this.executions.push({ items: result.workflowData[0], mode });
			this.save(workflow);
			// as Express's send: the status, then end() (which sends the head)
			res.statusCode = 200;
			res.end();
			if (this.startAfterMs !== null) {
				const items = result.workflowData[0];
				void sleep(this.startAfterMs).then(async () => await this.startExecution(workflow, items));
			}
			recorded = { status: 200, body: '' };
		} else {
			this.save(workflow);
			const text = JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' });
			res.writeHead(200, { 'content-type': 'application/json' }).end(text);
			recorded = { status: 200, body: text };
		}
		this.answers.push({ ...recorded, mode });
	}

	private hook(mode: 'production' | 'test', phase: 'activate' | 'deactivate'): HookContext {
		const executionMode: WorkflowExecuteMode =
			mode === 'test' ? 'manual' : phase === 'activate' ? 'trigger' : 'internal';
		const activation = mode === 'test' ? 'manual' : phase === 'activate' ? 'activate' : 'update';
		return new HookContext(
			this.workflow,
			this.node,
			this.additionalData(),
			executionMode,
			activation,
			this.webhookData(mode === 'test'),
		);
	}

	/** n8n's createWebhookIfNotExists: checkExists, then create when it answered false. */
	async activate(mode: 'production' | 'test' = 'production'): Promise<void> {
		await this.listen();
		const methods = trigger.webhookMethods.default;
		const exists = await methods.checkExists.call(this.hook(mode, 'activate'));
		if (!exists) await methods.create.call(this.hook(mode, 'activate'));
	}

	async deactivate(mode: 'production' | 'test' = 'production'): Promise<void> {
		await trigger.webhookMethods.default.delete.call(this.hook(mode, 'deactivate'));
	}
}
