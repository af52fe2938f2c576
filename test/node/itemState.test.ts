// The per-item state module (nodes/shared/state/itemState.ts) relies on how n8n-core's RoutingNode calls a
// declarative node's functions for one item: preSend and postReceive with the item's context as `this`, the
// request function (requestOperations.pagination) with an object whose prototype is that context. These tests run a
// probe node through the real routing engine against the simulator and fail when either half changes.
import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ItemState } from '../../nodes/shared/state/itemState';
import { runHueChat } from '../helpers/routing';
import { nodeSuite } from '../helpers/simulator';

const suite = nodeSuite('probe');

/** The `this` each function of one item was called with, by item marker (read from the parameter, not the module). */
interface SeenContexts {
	preSend?: object;
	request?: object;
	postReceive?: object;
}

function probeNode(seen: Map<string, SeenContexts>): INodeType {
	const markers = new ItemState<string>();
	const contextsOf = (marker: string) => seen.get(marker) ?? seen.set(marker, {}).get(marker)!;
	async function rememberMarker(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const marker = String(this.getNodeParameter('marker'));
		contextsOf(marker).preSend = this;
		markers.set(this, marker);
		return options;
	}
	async function request(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		contextsOf(String(this.getNodeParameter('marker'))).request = this;
		const marker = markers.get(this);
		const items = await this.makeRoutingRequest(requestData);
		return items.map((item) => ({ json: { ...item.json, seenByRequest: marker ?? null } }));
	}
	async function readMarker(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		contextsOf(String(this.getNodeParameter('marker'))).postReceive = this;
		return [{ json: { seenByPostReceive: markers.get(this) ?? null } }];
	}
	return {
		description: {
			displayName: 'State Probe',
			name: 'stateProbe',
			group: ['transform'],
			version: 1,
			description: 'Records what one item’s functions are called with',
			defaults: { name: 'HueChat' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			requestDefaults: {
				baseURL: suite.fx.credentials.baseUrl,
				headers: { api_access_token: suite.fx.credentials.apiToken },
				json: true,
			},
			requestOperations: { pagination: request },
			properties: [
				{
					displayName: 'Marker',
					name: 'marker',
					type: 'string',
					default: '',
					routing: {
						request: {
							method: 'GET',
							url: `/api/v1/accounts/${suite.fx.credentials.accountId}/agents`,
						},
						send: { paginate: true, preSend: [rememberMarker] },
						output: { postReceive: [readMarker] },
					},
				},
			],
		},
	};
}

describe('per-item state through n8n-core’s RoutingNode', () => {
	it('what one item’s preSend stores, its request function and its postReceive read, item by item', async () => {
		const seen = new Map<string, SeenContexts>();
		const { items } = await runHueChat({
			credentials: suite.fx.credentials,
			nodeType: probeNode(seen),
			parameters: { marker: '={{ $json.marker }}' },
			items: [{ marker: 'first' }, { marker: 'second' }],
		});
		expect(items.map((item) => item.json)).toEqual([
			{ seenByPostReceive: 'first', seenByRequest: 'first' },
			{ seenByPostReceive: 'second', seenByRequest: 'second' },
		]);
		expect((await suite.fx.requests()).map((r) => r.path)).toEqual([
			`/api/v1/accounts/${suite.fx.credentials.accountId}/agents`,
			`/api/v1/accounts/${suite.fx.credentials.accountId}/agents`,
		]);
	});

	it('n8n-core: preSend and postReceive get the item context, the request function an object derived from it', async () => {
		const seen = new Map<string, SeenContexts>();
		await runHueChat({
			credentials: suite.fx.credentials,
			nodeType: probeNode(seen),
			parameters: { marker: 'only' },
		});
		const { preSend, request, postReceive } = seen.get('only') ?? {};
		expect(preSend).toBeDefined();
		expect(postReceive).toBe(preSend);
		expect(request).not.toBe(preSend);
		expect(Object.getPrototypeOf(request)).toBe(preSend);
	});
});
