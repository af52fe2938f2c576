/** What the Send and Wait suites share: a Webhook → HueChat workflow that waits, and the HueChat node's output. */
import { randomUUID } from 'node:crypto';

import { PACKAGE_NAME, type ItemJson, type N8nInstance } from './harness';

type Execution = Awaited<ReturnType<N8nInstance['listExecutions']>>[number];

/** A workflow whose Webhook (GET `path`, answered at once) runs a HueChat node with `parameters`. */
export function webhookThenHueChat(
	workflow: { id: string; name: string; path: string },
	credential: { id: string; name: string },
	parameters: Record<string, unknown>,
) {
	return {
		id: workflow.id,
		name: workflow.name,
		active: false,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					path: workflow.path,
					httpMethod: 'GET',
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'HueChat',
				type: `${PACKAGE_NAME}.hueChat`,
				typeVersion: 1,
				position: [220, 0],
				webhookId: randomUUID(),
				parameters,
				credentials: { hueChatApi: credential },
			},
		],
		connections: { Webhook: { main: [[{ node: 'HueChat', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/** The first item the HueChat node output in its last run of the execution. */
export function hueChatItem(execution: Execution): {
	json: ItemJson;
	binary?: Record<string, Record<string, unknown>>;
} {
	const runs = (
		execution.data?.resultData.runData as unknown as Record<
			string,
			Array<{
				data?: {
					main: Array<Array<{
						json: ItemJson;
						binary?: Record<string, Record<string, unknown>>;
					}> | null>;
				};
			}>
		>
	).HueChat;
	return runs?.at(-1)?.data?.main[0]?.[0] ?? { json: {} };
}
