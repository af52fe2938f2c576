/**
 * The workflows the benchmark publishes in real n8n. Each starts at a Webhook (so it runs as a production execution,
 * in a worker when n8n runs in queue mode) and answers with the last node's output.
 *
 * Figure 1 (Return All): Webhook → "Start" (Edit Fields: t0 = now) → the reader → "Result" (Edit Fields, once:
 * t0, t1 = now, count). The reader is either the HueChat node (Get Many, Return All) or what a user wires by hand:
 * n8n's HTTP Request node with its own pagination settings, then Split Out to get one item per record. t1 − t0 is
 * the readers' wall time inside n8n; the webhook round trip is reported as context.
 */
import type { WorkflowFixture } from '../test/e2e/harness';
import { LISTS, type ListKind } from './lists';

export interface CredentialRef {
	id: string;
	name: string;
}
/** The roomy key of figure 1 (HueChat credential and the same token as a plain header credential). */
export const HUECHAT_CREDENTIAL: CredentialRef = {
	id: 'benchHueChat0001',
	name: 'HueChat (bench)',
};
export const HEADER_CREDENTIAL: CredentialRef = {
	id: 'benchHeader00001',
	name: 'HueChat header (bench)',
};
/** Figure 2's 600 RPM keys: one for the HueChat node, a fresh one for the HTTP Request node. */
export const TIGHT_HUECHAT_CREDENTIAL: CredentialRef = {
	id: 'benchHueChatTight',
	name: 'HueChat 600 RPM (bench)',
};
export const TIGHT_HEADER_CREDENTIAL: CredentialRef = {
	id: 'benchHeaderTight',
	name: 'HueChat 600 RPM header (bench)',
};
export const HUECHAT_TYPE = 'n8n-nodes-huechat.hueChat';
export const HUECHAT_TRIGGER_TYPE = 'n8n-nodes-huechat.hueChatTrigger';

type Node = Record<string, unknown> & { name: string };

let uid = 0;
/** Stable, valid UUIDs (webhook ids must be UUIDs); the prefix names the workflow. */
function uuid(prefix: number): string {
	uid += 1;
	return `00000000-0000-4000-8${String(prefix).padStart(3, '0')}-${String(uid).padStart(12, '0')}`;
}

/** One node of a fixture: its id from `prefix`, placed by chain(). */
export function node(
	type: string,
	typeVersion: number,
	name: string,
	prefix: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
): Node {
	return { id: uuid(prefix), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

export function webhook(
	path: string,
	prefix: number,
	responseMode: 'lastNode' | 'onReceived',
	responseData = 'firstEntryJson',
): Node {
	const parameters = {
		httpMethod: 'POST',
		path,
		responseMode,
		...(responseMode === 'lastNode' ? { responseData } : {}),
		options: {},
	};
	return node('n8n-nodes-base.webhook', 2, 'Webhook', prefix, parameters, {
		webhookId: uuid(prefix),
	});
}

function set(
	name: string,
	prefix: number,
	assignments: Array<[string, string, 'number' | 'string']>,
	extra: Record<string, unknown> = {},
): Node {
	const parameters = {
		assignments: {
			assignments: assignments.map(([field, value, type]) => ({
				id: uuid(prefix),
				name: field,
				value,
				type,
			})),
		},
		options: {},
	};
	return node('n8n-nodes-base.set', 3.4, name, prefix, parameters, extra);
}

export function chain(id: string, name: string, nodes: Node[]): WorkflowFixture {
	const connections: Record<string, unknown> = {};
	nodes.forEach((current, index) => {
		current.position = [index * 220, 0];
		const next = nodes[index + 1];
		if (next) connections[current.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

function hueChat(
	name: string,
	prefix: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
	credential = HUECHAT_CREDENTIAL,
): Node {
	return node(HUECHAT_TYPE, 1, name, prefix, parameters, {
		credentials: { hueChatApi: credential },
		...extra,
	});
}

function httpRequest(
	name: string,
	prefix: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
	credential = HEADER_CREDENTIAL,
): Node {
	const auth = { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' };
	return node(
		'n8n-nodes-base.httpRequest',
		4.2,
		name,
		prefix,
		{ ...auth, ...parameters },
		{ credentials: { httpHeaderAuth: credential }, ...extra },
	);
}

/** The HTTP Request node's options for a list read page by page (`page=1, 2, …`) until `completeExpression`. */
export function pageByPage(completeExpression: string) {
	return {
		pagination: {
			pagination: {
				paginationMode: 'updateAParameterInEachRequest',
				parameters: {
					parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
				},
				paginationCompleteWhen: 'other',
				completeExpression,
				limitPagesFetched: false,
				requestInterval: 0,
			},
		},
	};
}

export type Reader = 'huechat' | 'http';

export interface ListWorkflow {
	workflow: WorkflowFixture;
	path: string;
}

/** Figure 1: read a whole list (or `limit` records of it with the HueChat node) and answer {t0, t1, count}. */
export function listWorkflow(
	kind: ListKind,
	reader: Reader,
	baseUrl: string,
	accountId: number,
	limit?: number,
	/** Another key's credential (the HueChat reader): its variant names the path and the workflow. */
	key?: { credential: CredentialRef; variant: string; prefix: number },
): ListWorkflow {
	const list = LISTS[kind];
	const prefix =
		key?.prefix ??
		100 + (kind === 'contacts' ? 0 : 10) + (reader === 'huechat' ? 0 : 1) + (limit ? 5 : 0);
	const variant = key ? `-${key.variant}` : '';
	const path = `bench-${kind}-${reader}${limit ? `-${limit}` : ''}${variant}`;
	const readers: Node[] =
		reader === 'huechat'
			? [
					hueChat(
						'Read',
						prefix,
						limit ? { ...list.hueChatParameters, returnAll: false, limit } : list.hueChatParameters,
						{},
						key?.credential,
					),
				]
			: [
					httpRequest('Read', prefix, {
						method: 'GET',
						url: `${baseUrl}${list.path(accountId)}`,
						sendQuery: Boolean(list.perPage),
						...(list.perPage
							? {
									queryParameters: {
										parameters: [{ name: 'per_page', value: String(list.perPage) }],
									},
								}
							: {}),
						options: pageByPage(list.completeExpression),
					}),
					{
						id: uuid(prefix),
						name: 'Split Out',
						type: 'n8n-nodes-base.splitOut',
						typeVersion: 1,
						position: [0, 0],
						parameters: { fieldToSplitOut: list.root, options: {} },
					},
				];
	const workflow = chain(
		`bench${kind === 'contacts' ? 'C' : 'D'}${reader === 'huechat' ? 'H' : 'R'}${limit ? `L${limit}` : 'A'}${variant.replace('-', '')}`,
		`bench: ${path}`,
		[
			webhook(path, prefix, 'lastNode'),
			set('Start', prefix, [['t0', '={{ Date.now() }}', 'number']]),
			...readers,
			set(
				'Result',
				prefix,
				[
					['t1', '={{ Date.now() }}', 'number'],
					['t0', "={{ $('Start').first().json.t0 }}", 'number'],
					['count', '={{ $input.all().length }}', 'number'],
					['lastId', '={{ String($input.last().json.id) }}', 'string'],
				],
				{ executeOnce: true },
			),
		],
	);
	return { workflow, path };
}

/**
 * Figure 2: one message per item of the webhook body's `items` ({text}), created in conversation `conversationId`
 * under Continue On Fail; answers every output item (a failed item has no `id`).
 */
export function createWorkflow(
	reader: Reader,
	baseUrl: string,
	accountId: number,
	conversationId: number,
	suffix = '',
): ListWorkflow {
	const prefix = 200 + (reader === 'huechat' ? 0 : 1) + (suffix ? 5 : 0);
	const path = `bench-creates-${reader}${suffix}`;
	const onError = { onError: 'continueRegularOutput' };
	const writer =
		reader === 'huechat'
			? hueChat(
					'Create',
					prefix,
					{
						resource: 'message',
						operation: 'create',
						conversationId: { __rl: true, mode: 'id', value: String(conversationId) },
						messageContent: '={{ $json.text }}',
						messageFields: {},
					},
					onError,
					TIGHT_HUECHAT_CREDENTIAL,
				)
			: httpRequest(
					'Create',
					prefix,
					{
						method: 'POST',
						url: `${baseUrl}/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`,
						sendBody: true,
						bodyParameters: { parameters: [{ name: 'content', value: '={{ $json.text }}' }] },
						options: {},
					},
					onError,
					TIGHT_HEADER_CREDENTIAL,
				);
	const workflow = chain(
		`benchM${reader === 'huechat' ? 'H' : 'R'}${suffix || 'X'}`,
		`bench: ${path}`,
		[
			webhook(path, prefix, 'lastNode', 'allEntries'),
			{
				id: uuid(prefix),
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [0, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			writer,
		],
	);
	return { workflow, path };
}

/** Figure 3 baseline: n8n's plain Webhook node, no verification, answering as soon as it has the request. */
export function plainWebhookWorkflow(): ListWorkflow {
	const path = 'bench-plain-webhook';
	return {
		workflow: chain('benchPlainHook', `bench: ${path}`, [webhook(path, 300, 'onReceived')]),
		path,
	};
}

/** Both credentials of a key: HueChat's own, and the header credential a hand-wired HTTP Request node uses. */
export function credentialFixtures(
	token: string,
	accountId: number,
	baseUrl: string,
	{
		hueChat = HUECHAT_CREDENTIAL,
		header = HEADER_CREDENTIAL,
	}: { hueChat?: CredentialRef; header?: CredentialRef } = {},
) {
	return [
		{ ...hueChat, type: 'hueChatApi', data: { apiToken: token, accountId, baseUrl } },
		{ ...header, type: 'httpHeaderAuth', data: { name: 'api_access_token', value: token } },
	];
}
