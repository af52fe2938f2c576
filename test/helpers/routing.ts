/**
 * Runs the HueChat node through n8n-core's real execution path (WorkflowExecute.runNode → RoutingNode), with a
 * credentials helper that applies the credential's generic auth the way n8n's CLI does. Nothing is mocked
 * below the HTTP layer: requests go over a real socket to the simulator.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { ExecuteContext, RoutingNode, WorkflowExecute } from 'n8n-core';

import { HueChatApi } from '../../credentials/HueChatApi.credentials';
import { HueChat } from '../../nodes/HueChat/HueChat.node';

export const NODE_TYPE = 'n8n-nodes-huechat.hueChat';

/** A HueChat node as a workflow holds it: no parameters unless given. */
export function hueChatNode(parameters: INodeParameters = {}): INode {
	return {
		id: 'n1',
		name: 'HueChat',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
}

export interface HueChatCredentials {
	apiToken: string;
	accountId: number;
	baseUrl: string;
}

const credentialType = new HueChatApi();

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: HueChatCredentials) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	/**
	 * As packages/cli's CredentialsHelper: a function authenticate is called as is; a generic one has each value
	 * resolved as an expression with $credentials.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialType.authenticate as unknown;
		if (typeof authenticate === 'function') {
			return await (
				authenticate as (
					c: ICredentialDataDecryptedObject,
					r: IHttpRequestOptions,
				) => Promise<IHttpRequestOptions>
			).call(credentialType, credentials, requestOptions);
		}
		const properties = (authenticate as { properties: Record<string, Record<string, string>> })
			.properties;
		for (const [outerKey, values] of Object.entries(properties)) {
			for (const [key, expression] of Object.entries(values)) {
				const resolved = workflow!.expression.getParameterValue(
					expression,
					null,
					0,
					0,
					node!.name,
					[],
					'manual',
					{
						$credentials: credentials,
					},
				);
				const target = ((requestOptions as unknown as Record<string, IDataObject>)[outerKey] ??=
					{});
				target[key] = resolved as string;
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the routing engine');
	}

	/** How often the credential was read (n8n reads it from its database and decrypts it each time). */
	reads = 0;

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		this.reads++;
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

const hueChat = new HueChat();
const nodeTypesOf = (nodeType: INodeType): INodeTypes => ({
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
});

export interface RunOptions {
	credentials: HueChatCredentials;
	parameters: INodeParameters;
	/** Input items (json); one empty item when omitted. */
	items?: IDataObject[];
	/** Input items with binary data (or anything else); wins over `items`. */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	executionId?: string;
	/** n8n's cancel signal (the Stop button). WorkflowExecute.runNode does not pass one to declarative nodes, so
	 * with a signal the node runs the way n8n's server runs it: RoutingNode on an ExecuteContext that has it. */
	abortSignal?: AbortSignal;
	/** Another declarative node type to run the same way (tests of what n8n-core does); HueChat when omitted. */
	nodeType?: INodeType;
}

export interface RunResult {
	/** Output items, errors included (Continue On Fail) as `{ json: {}, error }`. */
	items: INodeExecutionData[];
	/** How often the run read the credential. */
	credentialReads: number;
}

let executionCounter = 0;

/** Executes the node once; throws what n8n would show as the node's error when Continue On Fail is off. */
export async function runHueChat(options: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'b7d6c6a2-0000-4000-8000-000000000001',
		name: 'HueChat',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { hueChatApi: { id: 'cred-1', name: 'HueChat (test)' } },
		...(options.continueOnFail
			? { onError: 'continueRegularOutput' as const, continueOnFail: true }
			: {}),
	};
	const nodeType = options.nodeType ?? hueChat;
	const workflow = new Workflow({
		id: 'wfTest',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(nodeType),
	});
	// The Workflow constructor filled in parameter defaults; RoutingNode reads them from here.
	const filledNode = workflow.getNode(node.name)!;
	filledNode.parameters =
		NodeHelpers.getNodeParameters(
			nodeType.description.properties,
			filledNode.parameters,
			true,
			false,
			filledNode,
			nodeType.description,
		) ?? {};
	const executionId = options.executionId ?? `test-${++executionCounter}`;
	const credentialsHelper = new TestCredentialsHelper(options.credentials);
	const additionalData = {
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
		workflowId: 'wfTest',
	} as unknown as IWorkflowExecuteAdditionalData;
	const inputItems: INodeExecutionData[] =
		options.inputItems?.map((item, index) => ({ pairedItem: { item: index }, ...item })) ??
		(options.items ?? [{}]).map((json, index) => ({ json, pairedItem: { item: index } }));
	const executeData: IExecuteData = {
		node: filledNode,
		data: { main: [inputItems] },
		source: { main: [{ previousNode: 'Start' }] },
	};
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		resultData: { runData: {} },
		executionData: { nodeExecutionStack: [executeData] },
	} as never);
	if (options.abortSignal) {
		const context = new ExecuteContext(
			workflow,
			filledNode,
			additionalData,
			'manual',
			runExecutionData,
			0,
			inputItems,
			{ main: [inputItems] },
			executeData,
			[],
			options.abortSignal,
		);
		const output = await new RoutingNode(context, nodeType).runNode();
		return { items: output?.[0] ?? [], credentialReads: credentialsHelper.reads };
	}
	const result = await new WorkflowExecute(additionalData, 'manual').runNode(
		workflow,
		executeData,
		runExecutionData,
		0,
		additionalData,
		'manual',
	);
	const data = 'data' in result ? result.data : undefined;
	return { items: data?.[0] ?? [], credentialReads: credentialsHelper.reads };
}
