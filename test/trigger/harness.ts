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

import { HookContext, WebhookContext } from 'n8n-core';
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
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { HueChatTrigger } from '../../nodes/HueChatTrigger/HueChatTrigger.node';
import type { HueChatCredentials } from '../helpers/routing';
import { TestCredentialsHelper } from '../helpers/routing';

export const TRIGGER_TYPE = 'n8n-nodes-huechat.hueChatTrigger';

const trigger = new HueChatTrigger();
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
			webhookId: options.webhookId ?? `0f0e0d0c-0000-4000-8000-${String(workflowCounter).padStart(12, '0')}`,
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
			staticData: options.staticData ? (JSON.parse(JSON.stringify(options.staticData)) as IDataObject) : undefined,
		});
		this.node = this.workflow.getNode(node.name)!;
		this.node.parameters = NodeHelpers.getNodeParameters(trigger.description.properties, this.node.parameters, true, false, this.node, trigger.description) ?? {};
	}

	/** Changes the node's parameters (the user edits the trigger). */
	setParameters(parameters: INodeParameters): void {
		this.node.parameters = NodeHelpers.getNodeParameters(trigger.description.properties, parameters, true, false, this.node, trigger.description) ?? {};
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

	url(mode: 'production' | 'test' = 'production'): string {
		return `http://127.0.0.1:${this.port}/${mode === 'test' ? 'webhook-test' : 'webhook'}/${this.node.webhookId}/webhook`;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		if (this.unavailable > 0) {
			this.unavailable -= 1;
			res.writeHead(503).end('n8n is starting up');
			return;
		}
		const isTest = (req.url ?? '').startsWith('/webhook-test/');
		const mode: 'production' | 'test' = isTest ? 'test' : 'production';
		const expected = new URL(this.url(mode)).pathname;
		if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== expected) {
			res.writeHead(404).end('webhook not registered');
			return;
		}
		let body: unknown = {};
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			// n8n answers unparsable JSON before the node runs; the node never sees it
			res.writeHead(422).end('Failed to parse request body');
			this.answers.push({ status: 422, body: '', mode });
			return;
		}
		const request = Object.assign(req, { rawBody, body, params: {}, query: {} });
		const additionalData = { ...this.additionalData(), httpRequest: request, httpResponse: res } as unknown as IWorkflowExecuteAdditionalData;
		const executionMode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		const context = new WebhookContext(this.workflow, this.node, additionalData, executionMode, this.webhookData(isTest), [], null);
		const result = await trigger.webhook.call(context);
		let recorded: { status: number; body: string };
		if (result.noWebhookResponse) {
			// n8n still runs the workflow when the node answered itself and returned workflowData
			if (result.workflowData) this.executions.push({ items: result.workflowData[0], mode });
			if (!res.writableEnded) res.writeHead(500).end('node answered nothing');
			recorded = { status: res.statusCode, body: '' };
		} else if (result.workflowData) {
			this.executions.push({ items: result.workflowData[0], mode });
			res.writeHead(200).end();
			recorded = { status: 200, body: '' };
		} else {
			const text = JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' });
			res.writeHead(200, { 'content-type': 'application/json' }).end(text);
			recorded = { status: 200, body: text };
		}
		this.answers.push({ ...recorded, mode });
	}

	private hook(mode: 'production' | 'test', phase: 'activate' | 'deactivate'): HookContext {
		const executionMode: WorkflowExecuteMode = mode === 'test' ? 'manual' : phase === 'activate' ? 'trigger' : 'internal';
		const activation = mode === 'test' ? 'manual' : phase === 'activate' ? 'activate' : 'update';
		return new HookContext(this.workflow, this.node, this.additionalData(), executionMode, activation, this.webhookData(mode === 'test'));
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
